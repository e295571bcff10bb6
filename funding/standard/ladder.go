package standard

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// CommunityPost is one of the three posts (三岗) of the community-worker
// pay ladder: the head (正职: 书记, 主任), a deputy (副职), or other staff
// (其他工作人员).
//
// The zero value is [CommunityPostUnknown], never valid.
type CommunityPost uint8

const (
	CommunityPostUnknown CommunityPost = iota // not set
	CommunityHead                             // 社区正职 (书记, 主任)
	CommunityDeputy                           // 社区副职
	CommunityStaff                            // 其他工作人员
)

var communityPostTable = enum.New("CommunityPost",
	[]string{"", "head", "deputy", "staff"},
	[]string{"", "正职", "副职", "其他工作人员"},
	map[string]int{"社区正职": 1, "社区副职": 2, "工作人员": 3, "社区工作者": 3})

// String returns the stable English code.
func (v CommunityPost) String() string { return communityPostTable.Code(int(v)) }

// Label returns the Chinese label.
func (v CommunityPost) Label() string { return communityPostTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v CommunityPost) IsValid() bool { return communityPostTable.Valid(int(v)) }

// ParseCommunityPost accepts the English code (any case), the Chinese label
// or a listed alias. An unknown input is an error that quotes it.
func ParseCommunityPost(s string) (CommunityPost, error) {
	v, err := communityPostTable.Parse("funding", s)
	return CommunityPost(v), funderr.EnumProblem(err, communityPostTable, s, "community post")
}

// MarshalText encodes the English code; the zero value encodes as "".
func (v CommunityPost) MarshalText() ([]byte, error) {
	return funderr.EnumText(communityPostTable, int(v), "community post")
}

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to the zero value.
func (v *CommunityPost) UnmarshalText(b []byte) error {
	x, err := communityPostTable.Unmarshal("funding", b)
	if err == nil {
		*v = CommunityPost(x)
	}
	return funderr.EnumProblem(err, communityPostTable, string(b), "community post")
}

// Degree is a community worker's academic degree, for the degree credits
// some ladders give.
//
// The zero value, [NoDegree], means no degree credit (none, or not
// recorded); it is valid.
type Degree uint8

const (
	NoDegree Degree = iota // no degree credit
	Bachelor               // 本科
	Master                 // 硕士
	Doctor                 // 博士
)

var degreeTable = enum.New("Degree",
	[]string{"", "bachelor", "master", "doctor"},
	[]string{"", "本科", "硕士", "博士"},
	map[string]int{"学士": 1, "硕士研究生": 2, "博士研究生": 3})

// String returns the stable English code ("" for NoDegree).
func (v Degree) String() string { return degreeTable.Code(int(v)) }

// Label returns the Chinese label ("" for NoDegree).
func (v Degree) Label() string { return degreeTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values or NoDegree.
func (v Degree) IsValid() bool { return v == NoDegree || degreeTable.Valid(int(v)) }

// ParseDegree accepts the English code (any case), the Chinese label or a
// listed alias; "" parses as NoDegree.
func ParseDegree(s string) (Degree, error) {
	if strings.TrimSpace(s) == "" {
		return NoDegree, nil
	}
	v, err := degreeTable.Parse("funding", s)
	return Degree(v), funderr.EnumProblem(err, degreeTable, s, "degree")
}

// MarshalText encodes the English code; NoDegree encodes as "".
func (v Degree) MarshalText() ([]byte, error) { return funderr.EnumText(degreeTable, int(v), "degree") }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to NoDegree.
func (v *Degree) UnmarshalText(b []byte) error {
	x, err := degreeTable.Unmarshal("funding", b)
	if err == nil {
		*v = Degree(x)
	}
	return funderr.EnumProblem(err, degreeTable, string(b), "degree")
}

// LevelRange is the levels a post spans on a ladder, Low to High
// inclusive, counted from 1.
type LevelRange struct {
	Low  int `json:"low"`
	High int `json:"high"`
}

// LevelRanges are the level ranges of the three posts.
type LevelRanges struct {
	Head   LevelRange `json:"head"`
	Deputy LevelRange `json:"deputy"`
	Staff  LevelRange `json:"staff"`
}

// For returns the range of post p, and false for an invalid post.
func (r LevelRanges) For(p CommunityPost) (LevelRange, bool) {
	switch p {
	case CommunityHead:
		return r.Head, true
	case CommunityDeputy:
		return r.Deputy, true
	case CommunityStaff:
		return r.Staff, true
	}
	return LevelRange{}, false
}

// DefaultLevelRanges returns the ranges of 三岗十八级 as local reports give
// them (reported; there is no national table): 正职 levels 7–18, 副职 4–15,
// 其他工作人员 1–12. Places that use other ranges set their own.
func DefaultLevelRanges() LevelRanges {
	return LevelRanges{Head: LevelRange{7, 18}, Deputy: LevelRange{4, 15}, Staff: LevelRange{1, 12}}
}

// DegreeCredits are the credits a ladder gives for a degree: levels added
// to the starting level, or, with AsYears, years added to the years of
// service (a 济南-area variant: 本科 / 硕士 / 博士 +1 / +2 / +3 levels, or
// +1 / +3 / +5 years; local practice). The zero value gives no credit.
type DegreeCredits struct {
	Bachelor int  `json:"bachelor"`
	Master   int  `json:"master"`
	Doctor   int  `json:"doctor"`
	AsYears  bool `json:"asYears,omitempty"`
}

func (c DegreeCredits) of(d Degree) int {
	switch d {
	case Bachelor:
		return c.Bachelor
	case Master:
		return c.Master
	case Doctor:
		return c.Doctor
	}
	return 0
}

// Ladder is a community-worker pay ladder (三岗十八级 and its variants) as
// dated configuration: each post spans a range of levels; a worker starts
// at a level of the post's range and steps up one level every YearsPerStep
// years of service, up to the top of the range; the monthly pay of a level
// is either Base × Coefficients[level−1], rounded once with Rounding, or
// Steps[level−1] from a step table.
//
// **No national coefficient table has been identified**: the base and the
// table are a place's own, supplied by the caller with their source. The
// library ships only the step table of 厦门 (2009; place/xiamen's
// Ladder2009); tables made up for tests and examples set Illustrative.
//
// A Ladder holds slices; treat a Ladder as immutable once built. Its
// methods never write to it, so a Ladder no one changes is safe for
// concurrent use.
type Ladder struct {
	dangjian.Rule
	// Name names the ladder ("厦门市社区工作者基本工资（2009）").
	Name string `json:"name"`
	// Illustrative marks a made-up table (tests, examples).
	Illustrative bool `json:"illustrative,omitempty"`
	// Base is the monthly base that coefficients multiply (e.g. the city's
	// prior-year average monthly wage × a markup, or 锦州's 2958元).
	Base funding.Money `json:"base"`
	// Coefficients are the level coefficients, level 1 first. Set either
	// Coefficients (with Base) or Steps, not both.
	Coefficients []funding.Rate `json:"coefficients,omitempty"`
	// Steps are the monthly amounts of a step table, level 1 first.
	Steps []funding.Money `json:"steps,omitempty"`
	// Levels are the posts' level ranges.
	Levels LevelRanges `json:"levels"`
	// YearsPerStep is the years of service per level step (3 in the
	// reported 三岗十八级, 2 in 厦门 2009).
	YearsPerStep int `json:"yearsPerStep"`
	// Degrees are the degree credits; the zero value gives none.
	Degrees DegreeCredits `json:"degrees"`
	// Rounding rounds Base × coefficient (coefficient ladders only).
	Rounding funding.Rounding `json:"rounding"`
}

// maxServiceYears bounds the years of service a pay input may give.
const maxServiceYears = 100

// Validate reports every problem of the ladder, joined, as [*dangjian.Problem]
// values wrapping [ErrBadLadder] (and the header problems of
// [dangjian.CheckRules]): a table that is missing or set twice, a base or
// a coefficient or a step that is not positive, a level range outside
// 1..len(table) or upside down, years per step that are not positive,
// negative degree credits, and an invalid rounding on a coefficient
// ladder.
func (l Ladder) Validate() error {
	p := paramErrs{sentinel: ErrBadLadder}
	p.addErr(dangjian.CheckRules([]Ladder{l}, nil))
	n := len(l.Coefficients)
	switch {
	case len(l.Coefficients) > 0 && len(l.Steps) > 0:
		p.add("ladder.steps", fmt.Sprint(len(l.Steps)), "set coefficients or steps, not both")
	case len(l.Coefficients) == 0 && len(l.Steps) == 0:
		p.add("ladder.coefficients", "", "no table: set coefficients (with a base) or steps")
	case len(l.Steps) > 0:
		n = len(l.Steps)
	}
	if len(l.Coefficients) > 0 {
		if l.Base.Fen() <= 0 {
			p.add("ladder.base", l.Base.String(), "must be positive")
		}
		for i, c := range l.Coefficients {
			if c.Decimal().Sign() <= 0 {
				p.add(fmt.Sprintf("ladder.coefficients[%d]", i), c.String(), "must be positive")
			}
		}
		if err := l.Rounding.Validate(); err != nil {
			p.add("ladder.rounding", l.Rounding.Mode.String(), "invalid rounding")
		}
	}
	for i, s := range l.Steps {
		if s.Fen() <= 0 {
			p.add(fmt.Sprintf("ladder.steps[%d]", i), s.String(), "must be positive")
		}
	}
	for _, post := range []CommunityPost{CommunityHead, CommunityDeputy, CommunityStaff} {
		r, _ := l.Levels.For(post)
		if r.Low < 1 || r.High < r.Low || (n > 0 && r.High > n) {
			p.add("ladder.levels."+post.String(), fmt.Sprintf("%d–%d", r.Low, r.High),
				fmt.Sprintf("need 1 ≤ low ≤ high ≤ %d (the table's levels)", n))
		}
	}
	if l.YearsPerStep <= 0 {
		p.add("ladder.yearsPerStep", fmt.Sprint(l.YearsPerStep), "must be positive")
	}
	for _, d := range []Degree{Bachelor, Master, Doctor} {
		if c := l.Degrees.of(d); c < 0 || c > maxServiceYears {
			p.add("ladder.degrees."+d.String(), fmt.Sprint(c), fmt.Sprintf("must be 0..%d", maxServiceYears))
		}
	}
	return p.err()
}

// PayInput is what [Ladder.PayFor] needs about a worker.
type PayInput struct {
	Post CommunityPost `json:"post"`
	// StartLevel is the level the worker started at, within the post's
	// range.
	StartLevel int `json:"startLevel"`
	// YearsOfService are whole years of service since the start, 0..100.
	YearsOfService int `json:"yearsOfService"`
	// Degree earns the ladder's degree credit, if any.
	Degree Degree `json:"degree,omitempty"`
}

// PayResult is a worker's pay on a ladder with how it was reached: the
// ladder, the inputs, the steps earned, the level, the amount the level
// gives and the rounding applied.
type PayResult struct {
	// Ladder is the ladder's rule ID; Name its name.
	Ladder       string `json:"ladder"`
	Name         string `json:"name"`
	Illustrative bool   `json:"illustrative,omitempty"`
	PayInput
	// DegreeYears and DegreeLevels are the degree credit applied, as years
	// of service or as levels.
	DegreeYears  int `json:"degreeYears,omitempty"`
	DegreeLevels int `json:"degreeLevels,omitempty"`
	// YearsPerStep and StepsEarned: StepsEarned = ⌊(YearsOfService +
	// DegreeYears) / YearsPerStep⌋.
	YearsPerStep int `json:"yearsPerStep"`
	StepsEarned  int `json:"stepsEarned"`
	// Level = StartLevel + StepsEarned + DegreeLevels, capped at the top
	// of the post's range (Capped).
	Level  int        `json:"level"`
	Range  LevelRange `json:"range"`
	Capped bool       `json:"capped,omitempty"`
	// On a coefficient ladder: Exact = Base × Coefficient, rounded once
	// with Rounding to Monthly. On a step table Monthly is the table's
	// amount for Level and nothing is rounded (Rounding is nil).
	Base        funding.Money     `json:"base"`
	Coefficient funding.Rate      `json:"coefficient"`
	Exact       string            `json:"exact,omitempty"`
	Rounding    *funding.Rounding `json:"rounding,omitempty"`
	Monthly     funding.Money     `json:"monthly"`
	// Annual is Monthly × 12, exactly.
	Annual funding.Money   `json:"annual"`
	Source dangjian.Source `json:"source"`
}

// Pay returns the monthly and annual pay of a worker in post who started
// at startLevel and has yearsOfService whole years of service, with no
// degree credit. It is PayFor with those inputs.
func (l Ladder) Pay(post CommunityPost, startLevel, yearsOfService int) (PayResult, error) {
	return l.PayFor(PayInput{Post: post, StartLevel: startLevel, YearsOfService: yearsOfService})
}

// PayFor returns a worker's pay on the ladder. The worker steps up one
// level for every full YearsPerStep years of service (2 years and 364 days
// are 2 years: pass whole years), plus any degree credit, and stops at the
// top of the post's range. It returns an error listing every problem of
// the ladder ([Ladder.Validate]) and of the input: an invalid post or
// degree, a starting level outside the post's range, or years of service
// outside 0..100.
func (l Ladder) PayFor(in PayInput) (PayResult, error) {
	p := paramErrs{sentinel: ErrBadLadder}
	p.addErr(l.Validate())
	r, ok := l.Levels.For(in.Post)
	if !ok {
		p.add("input.post", in.Post.String(), "unknown post")
	} else if in.StartLevel < r.Low || in.StartLevel > r.High {
		p.add("input.startLevel", fmt.Sprint(in.StartLevel), fmt.Sprintf("outside the %s range %d–%d", in.Post, r.Low, r.High))
	}
	if in.YearsOfService < 0 || in.YearsOfService > maxServiceYears {
		p.add("input.yearsOfService", fmt.Sprint(in.YearsOfService), fmt.Sprintf("must be 0..%d", maxServiceYears))
	}
	if !in.Degree.IsValid() {
		p.add("input.degree", in.Degree.String(), "unknown degree")
	}
	if err := p.err(); err != nil {
		return PayResult{}, err
	}
	res := PayResult{Ladder: l.ID, Name: l.Name, Illustrative: l.Illustrative, PayInput: in,
		YearsPerStep: l.YearsPerStep, Range: r, Source: l.Source}
	years := in.YearsOfService
	if credit := l.Degrees.of(in.Degree); l.Degrees.AsYears {
		res.DegreeYears = credit
		years += credit
	} else {
		res.DegreeLevels = credit
	}
	res.StepsEarned = years / l.YearsPerStep
	// Both terms are at most a few hundred: no overflow.
	res.Level = in.StartLevel + res.StepsEarned + res.DegreeLevels
	if res.Level > r.High {
		res.Level, res.Capped = r.High, true
	}
	if len(l.Steps) > 0 {
		res.Monthly = l.Steps[res.Level-1]
	} else {
		res.Base, res.Coefficient = l.Base, l.Coefficients[res.Level-1]
		exact := l.Base.Decimal().Mul(res.Coefficient.Decimal())
		m, err := l.Rounding.Money(exact)
		if err != nil {
			pr := funderr.At("monthly", err, funding.ErrOverflow)
			pr.Rule = l.ID
			return PayResult{}, pr
		}
		rr := l.Rounding
		res.Exact, res.Rounding, res.Monthly = exact.String(), &rr, m
	}
	annual, err := res.Monthly.MulInt(12)
	if err != nil {
		pr := funderr.At("annual", err, funding.ErrOverflow)
		pr.Rule = l.ID
		return PayResult{}, pr
	}
	res.Annual = annual
	return res, nil
}
