#!/usr/bin/env python3
"""The built docs site, checked as a reader sees it.

Every page, read as HTML: no internal link to a page or anchor that does not exist, no `javascript:` link, and no
raw Markdown in the text (`**`, `\\*`, `&lt;`, code fence markers) outside code.
Then in headless Chromium, over HTTP on loopback: the home page, sendSms in English and Chinese, a management
page, the search for `sendSms` and the language switch; none may log a console error or miss a resource. When
site/docc has built the DocC reference (.build/docc), its pages too: the management client, two articles, and a
link from one module's article to another's.
Screenshots of each go to the screenshots folder, for a person to look at.

Usage: site/check.py [--port N] [--only site|docc]   (run from the package's root, after site/build)
--only site checks the MkDocs site alone (CI runs it beside site/docc); --only docc the DocC reference alone.
The site is read from .build/site; screenshots go to .build/site-screenshots. The language switch finds the same
page in the other language through the sitemaps, so the site must have been built for the address it is served
on: SITE_URL=http://127.0.0.1:N/ site/build, then site/check.py --port N.
Needs chromium and chromedriver (Debian's chromium and chromium-driver) and selenium (site/requirements.txt).
"""
import functools, html, html.parser, http.server, os, re, shutil, sys, threading, time, urllib.parse

SITE = os.path.abspath(".build/site")
SHOTS = os.path.abspath(".build/site-screenshots")
DOCC = os.path.abspath(".build/docc")
PORT = int(sys.argv[sys.argv.index("--port") + 1]) if "--port" in sys.argv else 0
ONLY = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
RAW_MARKDOWN = [("**", "bold markers"), ("\\*", "an escaped asterisk"), ("&lt;", "an escaped '<'"),
                ("```", "a code fence"), ("~~~", "a code fence")]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, flush=True)


class Page(html.parser.HTMLParser):
    """The links, anchors and article text of one HTML page (text inside code, scripts and styles left out)."""
    SKIP = {"code", "pre", "script", "style", "kbd"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.ids, self.text = [], set(), []
        self.skipping, self.in_article = 0, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a":
            if "href" in attrs:
                self.links.append(attrs["href"])
            if "name" in attrs:
                self.ids.add(attrs["name"])
        if tag in self.SKIP:
            self.skipping += 1
        if tag == "article":
            self.in_article += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        if tag == "article" and self.in_article:
            self.in_article -= 1

    def handle_data(self, data):
        if self.in_article and not self.skipping:
            self.text.append(data)


def read(path):
    page = Page()
    with open(path, encoding="utf-8") as f:
        page.feed(f.read())
    return page


def static_checks():
    pages = {}
    for folder, _, names in os.walk(SITE):
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                pages[path] = read(path)
    links = 0
    for path, page in sorted(pages.items()):
        where = os.path.relpath(path, SITE)
        text = "".join(page.text)
        for marker, what in RAW_MARKDOWN:
            if marker in text:
                index = text.index(marker)
                fail(f"{where}: raw Markdown, {what}: …{text[max(0, index - 40):index + 40]!r}…")
        for href in page.links:
            scheme = urllib.parse.urlsplit(href).scheme.lower()
            if scheme == "javascript":
                fail(f"{where}: a javascript: link")
                continue
            if scheme in ("http", "https", "mailto", "data") or href.startswith("//"):
                continue
            links += 1
            target, _, fragment = href.partition("#")
            if target:
                base = SITE if target.startswith("/") else os.path.dirname(path)
                resolved = os.path.normpath(os.path.join(base, urllib.parse.unquote(target).lstrip("/")))
                if os.path.isdir(resolved):
                    resolved = os.path.join(resolved, "index.html")
            else:
                resolved = path
            if not os.path.exists(resolved):
                fail(f"{where}: broken link {href}")
                continue
            if fragment and resolved in pages and urllib.parse.unquote(fragment) not in pages[resolved].ids:
                fail(f"{where}: link {href} names an anchor its page does not have")
    print(f"checked {len(pages)} pages and {links} internal links", flush=True)
    return pages


def serve(directory, port=0):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser_checks(base, docc_base):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--lang=en-US"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or ""
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
    driver.set_page_load_timeout(30)
    os.makedirs(SHOTS, exist_ok=True)

    def console_errors(what):
        for entry in driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                fail(f"{what}: console error: {entry.get('message')}")

    def wait(condition, seconds=15):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                result = condition()
                if result:
                    return result
            except Exception:
                pass
            time.sleep(0.2)
        return None

    def visit(path, shot):
        driver.get(base + path)
        wait(lambda: driver.execute_script("return document.readyState") == "complete")
        title = driver.title
        if "404" in title or not driver.find_elements(By.CSS_SELECTOR, "article"):
            fail(f"{path}: not a page of the site ({title!r})")
        text = driver.execute_script(
            "const a = document.querySelector('article'); if (!a) return '';"
            "const c = a.cloneNode(true); c.querySelectorAll('code, pre, script, style').forEach(e => e.remove());"
            "return c.innerText;")
        for marker, what in RAW_MARKDOWN:
            if marker in text:
                fail(f"{path}: raw Markdown as rendered, {what}")
        driver.save_screenshot(os.path.join(SHOTS, shot))
        console_errors(path)
        return text

    try:
        if base:
            driver.get(base + "/")
            driver.save_screenshot(os.path.join(SHOTS, "choose-a-language.png"))
            console_errors("/")
            visit("/en/", "home-en.png")
            visit("/zh/", "home-zh.png")
            english = visit("/en/authentication/message-service/send-sms/", "send-sms-en.png")
            if "Send SMS" not in english:
                fail("the English sendSms page does not say 'Send SMS'")
            chinese = visit("/zh/authentication/message-service/send-sms/", "send-sms-zh.png")
            if "发送短信" not in chinese:
                fail("the Chinese sendSms page does not say 发送短信")
            visit("/en/management/users/list-users/", "management-list-users-en.png")
            visit("/zh/management/users/get-user/", "management-get-user-zh.png")

            # Search: the index is built in the browser; sendSms is found, and its result leads to its page.
            visit("/en/", "search-before.png")
            driver.find_element(By.CSS_SELECTOR, "label.md-search__icon, .md-search__input").click()
            box = wait(lambda: driver.find_element(By.CSS_SELECTOR, "input.md-search__input"))
            box.send_keys("sendSms")
            results = wait(lambda: [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".md-search-result__link")
                                    if "send-sms" in (a.get_attribute("href") or "")], 20)
            driver.save_screenshot(os.path.join(SHOTS, "search-sendSms.png"))
            if not results:
                fail("searching for sendSms finds no sendSms page")
            console_errors("search")

            # The language switch leads from a page to the same page in the other language.
            visit("/en/authentication/message-service/send-sms/", "switch-before.png")
            link = wait(lambda: driver.find_element(By.CSS_SELECTOR, "a.md-select__link[hreflang='zh']"))
            if not link:
                fail("no language switch to Chinese on the English sendSms page")
            else:
                driver.execute_script("arguments[0].click();", link)
                switched = wait(lambda: "/zh/" in driver.current_url and driver.execute_script("return document.readyState") == "complete")
                time.sleep(0.5)
                driver.save_screenshot(os.path.join(SHOTS, "switch-after.png"))
                if not switched:
                    fail(f"the language switch did not lead to the Chinese site (at {driver.current_url})")
                elif not driver.current_url.rstrip("/").endswith("/zh/authentication/message-service/send-sms"):
                    fail(f"the language switch led to {driver.current_url}, not the Chinese sendSms page")
                console_errors("language switch")

        if docc_base:
            docc_checks(driver, docc_base, wait, console_errors)
    finally:
        driver.quit()


def docc_checks(driver, base, wait, console_errors):
    """The DocC reference (site/docc), as its JavaScript renders it: the client's page lists its methods under
    GenAuth's groups, an article renders, and its link into the runtime's module leads to that module's article."""
    from selenium.webdriver.common.by import By

    def render(path, heading, shot):
        driver.get(base + path)
        title = wait(lambda: driver.find_element(By.CSS_SELECTOR, "main h1").text.strip() or None, 30)
        time.sleep(0.5)
        driver.save_screenshot(os.path.join(SHOTS, shot))
        if title != heading:
            fail(f"DocC {path}: the page's title is {title!r}, not {heading!r}")
        console_errors("DocC " + path)
        return driver.find_element(By.CSS_SELECTOR, "main").text if title else ""

    client = render("/documentation/genauthmanagement/managementclient", "ManagementClient", "docc-management-client.png")
    for expected in ("Manage users", "listUsersItems"):
        if expected not in client:
            fail(f"DocC: the ManagementClient page does not show {expected!r}")
    render("/documentation/genauthmanagement/iteratingpaginatedlists", "Iterating paginated lists", "docc-pagination.png")
    render("/documentation/genauthauthentication/gettingstarted", "Getting started", "docc-getting-started.png")
    links = [a.get_attribute("href") or "" for a in driver.find_elements(By.CSS_SELECTOR, "main a")]
    if not any(link.rstrip("/").endswith("/documentation/genauthcore/handlingerrors") for link in links):
        fail("DocC: Getting started does not link to GenAuthCore's Handling errors")
    render("/documentation/genauthcore/handlingerrors", "Handling errors", "docc-handling-errors.png")


def main():
    if ONLY not in (None, "site", "docc"):
        sys.exit("site/check.py: --only takes site or docc")
    server = docc = None
    if ONLY != "docc":
        if not os.path.isfile(os.path.join(SITE, "index.html")):
            sys.exit(f"site/check.py: no site in {SITE}; build it first (site/build)")
        static_checks()
        server = serve(SITE, PORT)
    if ONLY != "site":
        docc = serve(DOCC) if os.path.isdir(os.path.join(DOCC, "documentation")) else None
        if not docc:
            if ONLY == "docc":
                sys.exit(f"site/check.py: no DocC reference in {os.path.relpath(DOCC)}; build it first (site/docc)")
            print(f"site/check.py: no DocC reference in {os.path.relpath(DOCC)} (site/docc builds it): not checked", flush=True)
    try:
        browser_checks(server and f"http://127.0.0.1:{server.server_address[1]}",
                       docc and f"http://127.0.0.1:{docc.server_address[1]}")
    finally:
        if server:
            server.shutdown()
        if docc:
            docc.shutdown()
    if failures:
        sys.exit(f"site/check.py: {len(failures)} problems")
    what = {"site": "the site reads well", "docc": "the DocC reference reads well"}.get(ONLY, "the site reads well")
    print(f"site/check.py: {what}; screenshots in {os.path.relpath(SHOTS)}")


if __name__ == "__main__":
    main()
