package place_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/place"
)

// A program that takes a scheme's name looks it up here: the national
// reference schemes and the reference city's alike.
func ExampleScheme() {
	fmt.Println(place.SchemeNames())
	s, err := place.Scheme("yanji-shuzhi")
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := assess.Compile(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := place.Policy("yanji-shuzhi")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sc.Name(), sc.Max())
	fmt.Println(p.Name, p.PerCategory)
	// Output:
	// [jifen minzhu-pingyi xingji yanji-shuzhi]
	// 延吉市党组织书记抓基层党建工作述职评议考核（参考方案） 105
	// 延吉市书记述职评议考核排名（参考） true
}

func ExamplePolicy() {
	p, err := place.Policy("xingji")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Grades)
	_, err = place.Policy("nope")
	fmt.Println(err)
	// Output:
	// [五星 四星 三星 二星 一星]
	// refers to an unknown ID: not a reference scheme; known reference schemes are jifen, minzhu-pingyi, xingji, yanji-shuzhi ("nope")
}
