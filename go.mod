module github.com/dangjian-go/dangjian

go 1.23.0

require (
	github.com/google/uuid v1.6.0
	github.com/shopspring/decimal v1.4.0
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.28.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
