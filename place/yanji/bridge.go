package yanji

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/dangjian-go/dangjian/bridge"
)

//go:embed yanji-shuzhi-bridge.json
var bridgeJSON []byte

// Bridge returns the mapping (package bridge) from what the library finds
// about the organizations under a secretary (orglife's shortfalls and
// quorum failures, orgmodel's overdue 换届, funding/dues' lapses) to the
// inputs of [Scheme], decoded afresh from the embedded JSON. Each line
// names the scheme clause or item it fills and the rules it reads; the
// scheme has no clause written for these, so every reading is the
// library's own, as the mapping's note says. It compiles against
// [Scheme] with [bridge.Compile].
func Bridge() (bridge.Mapping, error) {
	m, err := bridge.Decode(bytes.NewReader(bridgeJSON))
	if err != nil {
		return bridge.Mapping{}, fmt.Errorf("mapping of %s: %w", SchemeName, err)
	}
	return m, nil
}
