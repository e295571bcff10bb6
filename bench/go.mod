module github.com/dangjian-go/dangjian/bench

go 1.23.0

replace github.com/dangjian-go/dangjian => ../

require (
	github.com/dangjian-go/dangjian v0.0.0-00010101000000-000000000000
	github.com/expr-lang/expr v1.17.8
	github.com/google/uuid v1.6.0
	github.com/shopspring/decimal v1.4.0
	github.com/stretchr/testify v1.12.1
)

require (
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/text v0.28.0 // indirect
)
