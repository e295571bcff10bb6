// Package browser tests the workbench page of the service package in a real
// headless Chromium, end to end: the page is served by service.New through
// httptest, and every check reads what the page shows after it has called
// the API. The expected values come from the same API called directly from
// Go, so that the page is held to show exactly what the service answers.
//
// The tests need Chromium (or Chrome): $CHROME, or chromium,
// chromium-browser, google-chrome or google-chrome-stable on the PATH.
// Without one they are skipped with the command that installs it, or
// fail when WEBTEST_REQUIRE_BROWSER is set (for a CI that installed one).
//
// WEBTEST_SCREENSHOTS=DIR saves a screenshot of the page at the end of
// each test in DIR (TestName.png), to look at what the tests saw.
//
// Run them with
//
//	apt-get install -y chromium   # once; or CHROME=/path/to/chrome
//	cd webtest && go test ./browser/
//
// Each test starts its own service and its own browser, so the tests are
// independent; a step waits at most 30 seconds (a condition polled for 20),
// and the whole package takes about half a minute. The package holds only
// tests: it is a module of its own (webtest/go.mod) so that the library's
// go.mod carries no browser driver.
package browser
