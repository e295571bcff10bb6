package money

func remitFiles(string) (map[string][]byte, error)      { return nil, nil }
func enterpriseFiles(string) (map[string][]byte, error) { return nil, nil }
