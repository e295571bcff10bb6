package money

func taxFiles(string) (map[string][]byte, error)        { return nil, nil }
func remitFiles(string) (map[string][]byte, error)      { return nil, nil }
func enterpriseFiles(string) (map[string][]byte, error) { return nil, nil }
