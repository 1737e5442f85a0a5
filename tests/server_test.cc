// The query server end to end: the real `newsidx serve` on a temporary Unix
// socket, asked with curl, with raw bytes, and by concurrent clients; plus
// the endpoint layer (api.h) without sockets.
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "searcher/api.h"
#include "searcher/query.h"
#include "searcher/server.h"
#include "tests/test_util.h"

extern char** environ;

namespace newsidx {
namespace {

using nlohmann::json;
using testing::ShellQuote;
using namespace std::chrono_literals;
using namespace std::string_literals;

// ---------------------------------------------------------------------------
// The endpoint layer.

TEST(Api, QueryStringsDecodeAndUrlEncodingRoundTrips) {
  auto p = ParseQueryString("q=speaker%3Ahonchar+%22article%205%22&limit=3&empty=");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ((*p)["q"], "speaker:honchar \"article 5\"");
  EXPECT_EQ((*p)["limit"], "3");
  EXPECT_EQ((*p)["empty"], "");
  EXPECT_FALSE(ParseQueryString("q=%zz").ok());
  std::string text = "Zelenskyy’s \"security\" & co/ 5+5";
  auto back = ParseQueryString("q=" + UrlEncode(text));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ((*back)["q"], text);
}

// One rule for `limit`/`offset`, in the server and the CLI alike.
TEST(Api, CountsAreDigitsWithinTheirRange) {
  EXPECT_EQ(ParseCount("limit", "0", 1000).value(), 0u);
  EXPECT_EQ(ParseCount("limit", "1000", 1000).value(), 1000u);
  EXPECT_EQ(ParseCount("limit", "0007", 1000).value(), 7u);
  EXPECT_EQ(ParseCount("limit", "1001", 1000).status().message(), "limit must be at most 1000, not 1001");
  EXPECT_EQ(ParseCount("--offset", "99999999999999999999", 10).status().message(),
            "--offset must be at most 10, not 99999999999999999999");
  // strtoull would read "-1" as 2^64-1 and skip spaces; these are mistakes.
  for (const char* bad : {"-1", "+5", " 5", "5 ", "0x10", "1e3", "5.0", "", "ten"}) {
    auto n = ParseCount("limit", bad, 1000);
    EXPECT_EQ(n.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(n.status().message(), absl::StrCat("limit must be a whole number from 0 to 1000, not '", bad, "'"));
  }
}

class ApiOnSeeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    auto r = testing::RunNewsidx("build --corpus " + ShellQuote(testing::CorpusDir()) + " --db " +
                                 ShellQuote(*dir_ / "db"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    searcher_ = Searcher::Open(*dir_ / "db").value().release();
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }
  static inline testing::TempDir* dir_;
  static inline Searcher* searcher_;
};

TEST_F(ApiOnSeeds, StatusesSayWhoseFaultItIs) {
  EXPECT_EQ(HandleGet(*searcher_, "/search?q=nato").status, 200);
  EXPECT_EQ(HandleGet(*searcher_, "/search").status, 400);  // no q
  EXPECT_EQ(HandleGet(*searcher_, "/search?q=nato&limit=1001").status, 400);
  EXPECT_EQ(HandleGet(*searcher_, "/search?q=nato&limit=ten").status, 400);
  EXPECT_EQ(HandleGet(*searcher_, "/search?q=nato&offset=-1").status, 400);
  EXPECT_EQ(HandleGet(*searcher_, "/search?q=nato&limit=99999999999999999999").status, 400);
  EXPECT_EQ(HandleGet(*searcher_, "/search?q=%22").status, 400);  // nothing to search for
  EXPECT_EQ(HandleGet(*searcher_, "/search?q=nato&sort=size").status, 400);
  EXPECT_EQ(HandleGet(*searcher_, "/search?q=date:2025-13").status, 400);
  EXPECT_EQ(HandleGet(*searcher_, "/search?q=" + std::string(5000, 'a')).status, 400);
  EXPECT_EQ(HandleGet(*searcher_, "/search?q=" + std::string(20000, 'a')).status, 414);
  ApiResponse missing = HandleGet(*searcher_, "/nothing");
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(missing.body["error"].is_string());
}

TEST_F(ApiOnSeeds, SuggestCompletesSpeakersAndWords) {
  ApiResponse r = HandleGet(*searcher_, "/suggest?q=everything+hon");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["prefix"], "hon");
  ASSERT_FALSE(r.body["speakers"].empty());
  EXPECT_EQ(r.body["speakers"][0]["value"], "Mykhailo Honchar");
  ApiResponse words = HandleGet(*searcher_, "/suggest?q=guara");
  ASSERT_FALSE(words.body["terms"].empty());
  EXPECT_EQ(words.body["terms"][0]["value"].get<std::string>().rfind("guarantee", 0), 0u);
  EXPECT_TRUE(HandleGet(*searcher_, "/suggest?q=speaker:hon").body["terms"].empty());
}

TEST_F(ApiOnSeeds, QuotesArePaged) {
  ApiResponse all = HandleGet(*searcher_, "/quotes");
  ASSERT_EQ(all.status, 200);
  size_t total = all.body["total"];
  EXPECT_GT(total, 40u);
  ApiResponse page = HandleGet(*searcher_, "/quotes?limit=5&offset=10");
  ASSERT_EQ(page.body["quotes"].size(), 5u);
  EXPECT_EQ(page.body["quotes"][0], all.body["quotes"][10]);
}

TEST_F(ApiOnSeeds, AnArticleComesWithItsTextAndItsQuotesByIdOnly) {
  ApiResponse found = HandleGet(*searcher_, "/search?q=" + UrlEncode("everything Honchar said about Article 5"));
  ASSERT_EQ(found.status, 200);
  ASSERT_FALSE(found.body["hits"].empty());
  const json& hit = found.body["hits"][0];
  EXPECT_EQ(hit["role"].is_string() || hit["role"].is_null(), true);
  const std::string id = hit["article"]["id"];

  ApiResponse r = HandleGet(*searcher_, "/article?id=" + UrlEncode(id));
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["article"]["id"], id);
  EXPECT_EQ(r.body["article"]["title"], hit["article"]["title"]);
  const std::string text = r.body["text"];
  ASSERT_FALSE(r.body["quotes"].empty());
  bool honchar = false;
  size_t last_start = 0;
  for (const json& q : r.body["quotes"]) {
    EXPECT_EQ(q["article"]["id"], id);
    const size_t start = q["start"], end = q["end"];
    ASSERT_LE(end, text.size());
    EXPECT_GE(start, last_start) << "in text order";
    last_start = start;
    // The span holds the quote (direct quotes verbatim).
    if (q["kind"] == "direct") {
      EXPECT_NE(text.substr(start, end - start).find(q["text"].get<std::string>().substr(0, 10)),
                std::string::npos);
    }
    honchar |= q["speaker"] == "Mykhailo Honchar";
  }
  EXPECT_TRUE(honchar);

  EXPECT_EQ(HandleGet(*searcher_, "/article").status, 400);
  EXPECT_EQ(HandleGet(*searcher_, "/article?id=no-such-article").status, 404);
  // A path is only ever an id that no article has: nothing is read from disk.
  EXPECT_EQ(HandleGet(*searcher_, "/article?id=" + UrlEncode("../../../etc/passwd")).status, 404);
  EXPECT_EQ(HandleGet(*searcher_, "/article?id=" + UrlEncode(testing::CorpusDir() + "/" + id + ".txt")).status, 404);
}

// ---------------------------------------------------------------------------
// The real server.

// Runs `newsidx serve` on a socket in its own folder until stopped.
class Server {
 public:
  Server(const std::string& db, const std::string& socket, const std::string& flags = "") {
    std::string cmd = absl::StrCat("exec ", NEWSIDX_BINARY, " serve --db ", ShellQuote(db),
                                   " --socket ", ShellQuote(socket), " ", flags);
    const char* argv[] = {"/bin/sh", "-c", cmd.c_str(), nullptr};
    posix_spawn(&pid_, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ);
  }
  ~Server() {
    if (pid_ > 0) Stop(SIGKILL);
  }
  // Whether the server accepts connections within `wait`.
  static bool Accepting(const std::string& socket, std::chrono::milliseconds wait = 5000ms) {
    auto until = std::chrono::steady_clock::now() + wait;
    while (std::chrono::steady_clock::now() < until) {
      int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
      sockaddr_un addr{};
      addr.sun_family = AF_UNIX;
      std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", socket.c_str());
      bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
      ::close(fd);
      if (ok) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }
  pid_t pid() const { return pid_; }  // of `newsidx serve` itself (sh execs it)
  // Sends `signal`; the exit code, or -1 when it died otherwise.
  int Stop(int signal = SIGTERM) {
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
};

struct Answer {
  int status = 0;
  json body;
};

// curl's answer to GET `path` on the socket.
Answer Curl(const std::string& socket, const std::string& path) {
  std::string cmd = absl::StrCat("curl -s --max-time 10 --unix-socket ", ShellQuote(socket),
                                 " -w '\\n%{http_code}' ", ShellQuote("http://localhost" + path));
  const std::string out = testing::RunCommand(cmd).out;
  size_t nl = out.rfind('\n');
  Answer a;
  if (nl == std::string::npos) return a;
  a.status = std::atoi(out.c_str() + nl + 1);
  a.body = json::parse(out.substr(0, nl), nullptr, false);
  return a;
}

// A blocking client connection to the server, on its Unix socket or on a
// loopback TCP port; every send and receive gives up after `timeout`.
class Conn {
 public:
  static Conn Unix(const std::string& path, std::chrono::milliseconds timeout = 10000ms) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
    return Conn(AF_UNIX, reinterpret_cast<sockaddr*>(&addr), sizeof addr, timeout);
  }
  static Conn Tcp(const std::string& ip, int port, std::chrono::milliseconds timeout = 10000ms) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    ::inet_pton(AF_INET, ip.c_str(), &addr.sin_addr);
    return Conn(AF_INET, reinterpret_cast<sockaddr*>(&addr), sizeof addr, timeout);
  }
  Conn(Conn&& o) noexcept : fd_(std::exchange(o.fd_, -1)), in_(std::move(o.in_)) {}
  Conn& operator=(Conn&& o) noexcept {
    std::swap(fd_, o.fd_);
    std::swap(in_, o.in_);
    return *this;
  }
  ~Conn() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool connected() const { return fd_ >= 0; }

  // False when the server closed the connection (or the timeout passed)
  // before it took every byte.
  bool Send(absl::string_view bytes) {
    for (size_t sent = 0; sent < bytes.size();) {
      ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += n;
    }
    return true;
  }
  void ShutdownWrite() { ::shutdown(fd_, SHUT_WR); }

  struct Response {
    int status = 0;  // 0: the connection ended, or the timeout passed, first
    std::string body;
    bool close = false;  // the server said Connection: close
  };
  // The next response (the server always sends Content-Length).
  Response Read() {
    Response r;
    size_t head_end;
    while ((head_end = in_.find("\r\n\r\n")) == std::string::npos) {
      if (!Receive()) return r;
    }
    const std::string head = absl::AsciiStrToLower(in_.substr(0, head_end + 2));
    if (head.rfind("http/1.", 0) != 0 || head.size() < 12) return r;
    size_t length = 0;
    if (size_t at = head.find("\r\ncontent-length:"); at != std::string::npos) {
      length = std::strtoul(head.c_str() + at + 17, nullptr, 10);
    }
    while (in_.size() < head_end + 4 + length) {
      if (!Receive()) return r;
    }
    r.status = std::atoi(head.c_str() + 9);
    r.body = in_.substr(head_end + 4, length);
    r.close = head.find("\r\nconnection: close\r\n") != std::string::npos;
    in_.erase(0, head_end + 4 + length);
    return r;
  }
  // Everything until the server closes; "(still open)" appended when the
  // timeout passed first.
  std::string ReadAll() {
    while (Receive()) {
    }
    std::string out = std::move(in_);
    if (timed_out_) out += "(still open)";
    return out;
  }

 private:
  Conn(int family, const sockaddr* addr, socklen_t len, std::chrono::milliseconds timeout) {
    fd_ = ::socket(family, SOCK_STREAM, 0);
    timeval tv{static_cast<time_t>(timeout.count() / 1000),
               static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (::connect(fd_, addr, len) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  bool Receive() {
    char buf[16384];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n > 0) in_.append(buf, n);
    timed_out_ = n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    return n > 0;
  }
  int fd_ = -1;
  std::string in_;
  bool timed_out_ = false;
};

// Sends raw bytes and returns whatever comes back before the server closes
// the connection (or `wait` passes).
std::string RawExchange(const std::string& socket, const std::string& bytes,
                        std::chrono::milliseconds wait = 5000ms) {
  Conn c = Conn::Unix(socket, wait);
  if (!c.connected()) return "(no connection)";
  c.Send(bytes);  // the server may answer and close before reading it all
  return c.ReadAll();
}

int StatusOf(const std::string& raw) {
  return raw.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(raw.c_str() + 9) : 0;
}


struct Page {
  int status = 0;
  std::string content_type;
  std::string body;
};

// GET `url` with curl; `how` picks the transport ("--unix-socket S" or "").
Page CurlPage(const std::string& how, const std::string& url) {
  std::string cmd = absl::StrCat("curl -s --max-time 10 ", how, " -w '\\n%{http_code} %{content_type}' ",
                                 ShellQuote(url));
  const std::string out = testing::RunCommand(cmd).out;
  Page p;
  size_t nl = out.rfind('\n');
  if (nl == std::string::npos) return p;
  std::string tail = out.substr(nl + 1);
  p.status = std::atoi(tail.c_str());
  p.content_type = tail.substr(std::min(tail.size(), tail.find(' ') + 1));
  p.body = out.substr(0, nl);
  return p;
}

// Every "http://" or "https://" in `text` that is not the SVG namespace
// name (an identifier the browser never fetches).
std::vector<std::string> OtherHosts(const std::string& text) {
  std::vector<std::string> found;
  for (const char* scheme : {"http://", "https://"}) {
    for (size_t at = text.find(scheme); at != std::string::npos; at = text.find(scheme, at + 1)) {
      std::string url = text.substr(at, text.find_first_of("\"' )`", at) - at);
      if (url != "http://www.w3.org/2000/svg") found.push_back(url);
    }
  }
  return found;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::copy(testing::CorpusDir(), dir_ / "corpus");
    auto r = Build();
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  testing::CommandResult Build() {
    return testing::RunNewsidx("build --corpus " + ShellQuote(dir_ / "corpus") + " --db " +
                               ShellQuote(db()));
  }
  std::string db() const { return dir_ / "db"; }
  std::string sock() const { return dir_ / "s.sock"; }
  testing::TempDir dir_;
};

TEST_F(ServerTest, EveryEndpointAnswersAndTheSocketIsPrivate) {
  Server server(db(), sock());
  ASSERT_TRUE(Server::Accepting(sock()));
  struct stat st;
  ASSERT_EQ(::stat(sock().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  Answer health = Curl(sock(), "/health");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body["status"], "ok");
  Answer search = Curl(sock(), "/search?q=" + UrlEncode("everything Honchar said about Article 5") +
                                   "&facets=speaker,type&limit=3");
  ASSERT_EQ(search.status, 200);
  EXPECT_EQ(search.body["parsed"], "speaker:honchar \"article 5\"");
  EXPECT_EQ(search.body["hits"][0]["speaker"], "Mykhailo Honchar");
  EXPECT_TRUE(search.body["facets"]["speaker"].is_array());
  Answer quotes = Curl(sock(), "/quotes?q=speaker:kallas");
  ASSERT_EQ(quotes.status, 200);
  EXPECT_GE(quotes.body["total"].get<int>(), 3);
  for (const auto& q : quotes.body["quotes"]) EXPECT_EQ(q["speaker"], "Kaja Kallas");
  Answer suggest = Curl(sock(), "/suggest?q=zel");
  ASSERT_EQ(suggest.status, 200);
  EXPECT_EQ(suggest.body["speakers"].size(), 1u);
  Answer stats = Curl(sock(), "/stats");
  ASSERT_EQ(stats.status, 200);
  EXPECT_EQ(stats.body["documents"], health.body["documents"]);

  // The client prints what a local query prints.
  for (const char* flags : {"--json --facets speaker,source", "--facets speaker"}) {
    std::string args = absl::StrCat("query ", flags, " ", ShellQuote("security guarantees"));
    auto local = testing::RunNewsidx(args + " --db " + ShellQuote(db()));
    auto remote = testing::RunNewsidx(args + " --socket " + ShellQuote(sock()));
    EXPECT_EQ(remote.exit_code, 0) << remote.err;
    EXPECT_EQ(remote.out, local.out) << flags;
  }
  auto local_quotes = testing::RunNewsidx("quotes --json --db " + ShellQuote(db()));
  auto remote_quotes = testing::RunNewsidx("quotes --json --socket " + ShellQuote(sock()));
  EXPECT_EQ(remote_quotes.out, local_quotes.out);
  auto bad = testing::RunNewsidx("query --socket " + ShellQuote(sock()) + " 'date:2025-13'");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad date"), std::string::npos) << bad.err;

  EXPECT_EQ(server.Stop(SIGTERM), 0);
  EXPECT_FALSE(std::filesystem::exists(sock())) << "the socket file is removed on SIGTERM";
}

TEST_F(ServerTest, TheSearchPageIsServedOnTcpAndTheSocketAndAsksNoOtherHost) {
  const int port = testing::FreeLoopbackPort();
  const std::string tcp = absl::StrCat("http://127.0.0.1:", port);
  Server server(db(), sock(), absl::StrCat("--listen 127.0.0.1:", port));
  ASSERT_TRUE(Server::Accepting(sock()));
  Page by_tcp;
  for (int i = 0; i < 100 && by_tcp.status == 0; ++i) {  // the TCP port binds with the socket
    by_tcp = CurlPage("", tcp + "/");
    if (by_tcp.status == 0) std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(by_tcp.status, 200);
  EXPECT_EQ(by_tcp.content_type, "text/html; charset=utf-8");
  Page by_socket = CurlPage("--unix-socket " + ShellQuote(sock()), "http://localhost/");
  EXPECT_EQ(by_socket.status, 200);
  EXPECT_EQ(by_socket.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(by_socket.body, by_tcp.body);
  EXPECT_NE(by_tcp.body.find("<input id=\"q\""), std::string::npos);
  // A bookmarked search loads the same page.
  EXPECT_EQ(CurlPage("", tcp + "/?q=" + UrlEncode("speaker:\"Mykhailo Honchar\"")).body, by_tcp.body);

  // What the page loads, and nothing of it from another host.
  Page script = CurlPage("", tcp + "/app.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  Page style = CurlPage("", tcp + "/style.css");
  EXPECT_EQ(style.status, 200);
  EXPECT_EQ(style.content_type, "text/css; charset=utf-8");
  for (const Page* p : {&by_tcp, &script, &style}) {
    EXPECT_GT(p->body.size(), 100u);
    EXPECT_EQ(OtherHosts(p->body), std::vector<std::string>{});
    EXPECT_EQ(p->body.find("//fonts."), std::string::npos);
    EXPECT_EQ(p->body.find("@import"), std::string::npos);
  }
  // Scripts, styles and links in the HTML are all on this server.
  for (const char* attr : {"src=\"", "href=\""}) {
    for (size_t at = by_tcp.body.find(attr); at != std::string::npos; at = by_tcp.body.find(attr, at + 1)) {
      std::string value = by_tcp.body.substr(at + std::strlen(attr), 6);
      EXPECT_TRUE((value[0] == '/' && value[1] != '/') || value[0] == '#' || value.rfind("data:", 0) == 0)
          << value;
    }
  }
  // The browser is told to load nothing from elsewhere either.
  std::string headers = RawExchange(sock(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(headers.find("Content-Security-Policy: default-src 'self'"), std::string::npos) << headers.substr(0, 400);
  // The JSON endpoints are unchanged beside it.
  EXPECT_EQ(CurlPage("", tcp + "/health").content_type, "application/json; charset=utf-8");
  EXPECT_EQ(CurlPage("", tcp + "/nothing").status, 404);
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

TEST_F(ServerTest, BadRequestsGet4xxAndTheServerGoesOn) {
  Server server(db(), sock(), "--read-timeout-ms 300");
  ASSERT_TRUE(Server::Accepting(sock()));
  EXPECT_EQ(StatusOf(RawExchange(sock(), "\x16\x03\x01 garbage \xff\xfe\r\n\r\n")), 400);
  std::string long_line = "GET /search?q=" + std::string(100 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n";
  EXPECT_EQ(StatusOf(RawExchange(sock(), long_line)), 431);
  EXPECT_EQ(StatusOf(RawExchange(sock(), "POST /search HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi")), 405);
  // Half a request: dropped after the read timeout, without an answer.
  auto start = std::chrono::steady_clock::now();
  std::string half = RawExchange(sock(), "GET /health HTTP/1.1\r\nHo", 5000ms);
  EXPECT_EQ(half, "");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
  EXPECT_EQ(Curl(sock(), "/nope").status, 404);
  EXPECT_EQ(Curl(sock(), "/search?q=nato&limit=5000").status, 400);
  EXPECT_EQ(Curl(sock(), "/search?q=%22unclosed").status, 200);  // QueryParser copes
  EXPECT_EQ(Curl(sock(), "/search?q=%zz").status, 400);
  Answer health = Curl(sock(), "/health");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}


// The local addresses of the TCP sockets listening on `port`, as
// /proc/net/tcp and tcp6 write them ("0100007F" is 127.0.0.1).
std::vector<std::string> ListeningAddresses(int port) {
  std::vector<std::string> out;
  char port_hex[8];
  std::snprintf(port_hex, sizeof port_hex, "%04X", port);
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    for (absl::string_view line : absl::StrSplit(testing::ReadFile(table), '\n', absl::SkipEmpty())) {
      std::vector<absl::string_view> f = absl::StrSplit(line, ' ', absl::SkipEmpty());
      // sl local_address rem_address st …; st 0A is LISTEN.
      if (f.size() < 4 || f[3] != "0A") continue;
      std::pair<absl::string_view, absl::string_view> addr = absl::StrSplit(f[1], ':');
      if (addr.second == port_hex) out.emplace_back(addr.first);
    }
  }
  return out;
}

TEST_F(ServerTest, TcpListensOnlyOnTheAddressGiven) {
  const int port = testing::FreeLoopbackPort();
  Server server(db(), sock(), absl::StrCat("--listen 127.0.0.1:", port));
  ASSERT_TRUE(Server::Accepting(sock()));
  EXPECT_EQ(ListeningAddresses(port), std::vector<std::string>{"0100007F"});
  Conn tcp = Conn::Tcp("127.0.0.1", port);
  ASSERT_TRUE(tcp.connected());
  ASSERT_TRUE(tcp.Send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"));
  Conn::Response r = tcp.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body, nullptr, false)["status"], "ok");
  // Another loopback address reaches the same machine, not the server.
  EXPECT_FALSE(Conn::Tcp("127.0.0.2", port).connected());
  EXPECT_EQ(server.Stop(SIGTERM), 0);
  // A name is not an address: nothing is resolved and bound behind the user's back.
  auto r2 = testing::RunNewsidx("serve --db " + ShellQuote(db()) + " --socket '' --listen localhost:" +
                                std::to_string(port));
  EXPECT_EQ(r2.exit_code, 2);
  EXPECT_NE(r2.err.find("not an IP address"), std::string::npos) << r2.err;
}

// The endpoints answer from the index the server opened; none opens a file a
// request names (paths, `..`, parameters), whatever the encoding.
TEST_F(ServerTest, NoRequestReadsAFileItNames) {
  const std::string secret = dir_ / "secret.txt";
  testing::WriteFile(secret, "SECRET-7f3a9c\n");
  Server server(db(), sock());
  ASSERT_TRUE(Server::Accepting(sock()));
  const std::vector<std::string> targets = {
      secret,
      "/../../../.." + secret,
      "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/" + UrlEncode(secret),
      "/search/../../.." + secret,
      "/search?q=nato&db=" + UrlEncode(dir_.path().string()) + "&path=" + UrlEncode(secret),
      "/stats?db=" + UrlEncode(secret),
      "/quotes?q=" + UrlEncode(secret),
      "/suggest?q=" + UrlEncode(secret),
      "/health?file=" + UrlEncode(secret),
      "/../../../../etc/passwd",
      "/search?q=nato&db=/etc",
  };
  for (const std::string& target : targets) {
    std::string raw = RawExchange(sock(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    int status = StatusOf(raw);
    EXPECT_TRUE(status == 200 || status == 404) << target << ": " << raw.substr(0, 200);
    EXPECT_EQ(raw.find("SECRET-7f3a9c"), std::string::npos) << target;
    EXPECT_EQ(raw.find("root:"), std::string::npos) << target;
  }
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

// The read timeout bounds a whole request, not the gap between bytes: a
// client sending a byte every 100 ms is cut off, and so is one that connects
// and says nothing, after the idle timeout.
TEST_F(ServerTest, SlowClientsAreCutOffByTheTimeouts) {
  Server server(db(), sock(), "--read-timeout-ms 1000 --idle-timeout-ms 500");
  ASSERT_TRUE(Server::Accepting(sock()));
  const std::string request = "GET /health HTTP/1.1\r\nHost: x\r\nUser-Agent: " + std::string(100, 'a') + "\r\n\r\n";
  Conn slow = Conn::Unix(sock(), 200ms);
  ASSERT_TRUE(slow.connected());
  auto start = std::chrono::steady_clock::now();
  size_t sent = 0;
  std::string answer;
  for (; sent < request.size(); ++sent) {
    if (!slow.Send(request.substr(sent, 1))) break;
    answer = slow.ReadAll();  // waits 200 ms, or less when the server closed
    if (answer != "(still open)") break;
  }
  auto cut = std::chrono::steady_clock::now() - start;
  EXPECT_LT(sent, request.size()) << "the whole request went through, one byte at a time";
  EXPECT_EQ(answer, "") << "dropped without an answer";
  EXPECT_GE(cut, 900ms);
  EXPECT_LT(cut, 3s);

  Conn silent = Conn::Unix(sock(), 5000ms);
  start = std::chrono::steady_clock::now();
  EXPECT_EQ(silent.ReadAll(), "");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_EQ(Curl(sock(), "/health").status, 200);
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

// Each of `clients` threads sends `requests` GETs on one kept-alive
// connection; returns how many did not come back 200.
int LoadErrors(const std::string& socket, int clients, int requests) {
  namespace net = boost::asio;
  namespace beast = boost::beast;
  namespace http = beast::http;
  const char* const mix[] = {"/search?q=%22security+guarantees%22", "/search?q=title:nato+source:caliber",
                             "/search?q=nato&facets=speaker,source,date,type",
                             "/search?q=everything+Honchar+said+about+Article+5", "/quotes?q=speaker:bruen",
                             "/suggest?q=ka", "/health"};
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      try {
        net::io_context ioc;
        beast::basic_stream<net::local::stream_protocol> stream(ioc);
        stream.connect(net::local::stream_protocol::endpoint(socket));
        beast::flat_buffer buffer;
        for (int i = 0; i < requests; ++i) {
          http::request<http::empty_body> req{http::verb::get, mix[(c + i) % std::size(mix)], 11};
          req.set(http::field::host, "localhost");
          http::write(stream, req);
          http::response<http::string_body> res;
          http::read(stream, buffer, res);
          if (res.result_int() != 200) ++errors;
        }
      } catch (const std::exception&) {
        errors += requests;
      }
    });
  }
  for (auto& t : threads) t.join();
  return errors;
}

TEST_F(ServerTest, SixteenClientsTimesAHundredRequestsWithoutAnError) {
  Server server(db(), sock(), "--threads 4");
  ASSERT_TRUE(Server::Accepting(sock()));
  EXPECT_EQ(LoadErrors(sock(), 16, 100), 0);
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

TEST_F(ServerTest, ARebuildWhileServingIsSeenWithoutARestart) {
  Server server(db(), sock());
  ASSERT_TRUE(Server::Accepting(sock()));
  ASSERT_EQ(Curl(sock(), "/search?q=quetzalcoatlus").body["total"], 0);
  testing::WriteFile(dir_ / "corpus/new.txt",
                     "Pterosaur news\n\nThe quetzalcoatlus flew again, said Ada Brook.\n");
  std::atomic<bool> building{true};
  std::atomic<int> errors{0};
  std::thread load([&] {  // no request fails while the build commits
    while (building) errors += LoadErrors(sock(), 2, 10);
  });
  auto r = Build();
  building = false;
  load.join();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(errors, 0);
  auto built = std::chrono::steady_clock::now();
  int total = 0;
  while (total == 0 && std::chrono::steady_clock::now() - built < 3s) {
    total = Curl(sock(), "/search?q=quetzalcoatlus").body["total"];
    if (total == 0) std::this_thread::sleep_for(50ms);
  }
  EXPECT_GE(total, 1);  // the article, and its quote
  EXPECT_LT(std::chrono::steady_clock::now() - built, 1s + 500ms) << "seen within about a second";
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

// Polls `fn` until it is true or `wait` passes; whether it became true.
template <typename Fn>
bool Within(std::chrono::milliseconds wait, Fn fn) {
  for (auto until = std::chrono::steady_clock::now() + wait;; std::this_thread::sleep_for(50ms)) {
    if (fn()) return true;
    if (std::chrono::steady_clock::now() >= until) return false;
  }
}

// 16 clients query while builds commit under them: an incremental build that
// adds a section, then a fresh build in two shards switched in whole. No
// request fails, and what each build added is found once it has committed.
TEST(ServerOnRealNews, NoRequestFailsWhileABuildCommitsUnderIt) {
  std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: no BBC corpus";
  testing::TempDir dir;
  const std::string bbc = shared + "/corpora/bbc-fulltext";
  const std::string db = dir / "db", sock = dir / "s.sock";
  auto first = testing::RunNewsidx("build --corpus " + ShellQuote(bbc + "/business") + " --db " + ShellQuote(db));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  Server server(db, sock);
  ASSERT_TRUE(Server::Accepting(sock));
  const int before = Curl(sock, "/health").body["documents"];
  // "Wenger" is in sport/ only; facets make the total exact.
  auto wenger = [&] {
    json j = Curl(sock, "/search?q=wenger&limit=0&facets=type").body;
    return j["total"].is_number() ? j["total"].get<int>() : -1;
  };
  ASSERT_EQ(wenger(), 0);
  std::atomic<bool> building{true};
  std::atomic<int> errors{0}, rounds{0};
  std::thread load([&] {
    while (building) {
      errors += LoadErrors(sock, 16, 10);
      ++rounds;
    }
  });
  // A second section, committed in several steps while the load runs.
  auto second = testing::RunNewsidx("build --corpus " + ShellQuote(bbc + "/business") + " " +
                                    ShellQuote(bbc + "/sport") + " --db " + ShellQuote(db));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  int found = 0;
  EXPECT_TRUE(Within(3000ms, [&] { return (found = wenger()) >= 10; }))
      << "the new section is not found after its commit: " << found << " hits";
  // Then the same afresh in two shards: a new generation switched in under the load.
  auto third = testing::RunNewsidx("build --shards 2 --corpus " + ShellQuote(bbc + "/business") +
                                   " " + ShellQuote(bbc + "/sport") + " --db " + ShellQuote(db));
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_NE(testing::ReadFile(db + "/XAPIANDB").find("shard-1"), std::string::npos);
  int after_switch = 0;
  EXPECT_TRUE(Within(3000ms, [&] { return (after_switch = wenger()) == found; }))
      << "the two-shard generation finds " << after_switch << ", the incremental build " << found;
  building = false;
  load.join();
  EXPECT_GT(rounds, 0);
  EXPECT_EQ(errors, 0);
  EXPECT_GT(Curl(sock, "/health").body["documents"].get<int>(), before);
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

// ---------------------------------------------------------------------------
// Soak: 32 clients mixing good and malformed requests for a minute.

// NEWSIDX_SOAK_SECONDS, else 60 s; 20 s under AddressSanitizer, where every
// request costs several times more and the suite runs a second time.
int SoakSeconds() {
  if (const char* env = std::getenv("NEWSIDX_SOAK_SECONDS"); env && std::atoi(env) > 0) {
    return std::atoi(env);
  }
#if defined(__SANITIZE_ADDRESS__)
  return 20;
#else
  return 60;
#endif
}

// The resident memory of process `pid` in KiB (VmRSS), or -1.
long RssKib(pid_t pid) {
  std::string status = testing::ReadFile(absl::StrCat("/proc/", pid, "/status"));
  size_t at = status.find("VmRSS:");
  return at == std::string::npos ? -1 : std::atol(status.c_str() + at + 6);
}

// A good request and the key its 200 JSON must have.
struct GoodRequest {
  std::string target;
  std::string key;
};

// A malformed (or merely odd) request and what the server must do with it:
// answer `status` with a JSON body, or (status 0) drop the connection
// unanswered; `hang_up` closes the client's side right after sending.
struct BadRequest {
  std::string what;
  std::string bytes;
  int status;
  bool hang_up = false;
};

std::vector<GoodRequest> SoakGoodRequests() {
  std::vector<GoodRequest> out;
  for (const char* q : {"\"prime minister\"", "blair", "election OR vote", "speaker:blair",
                        "everything Blair said about Iraq", "title:economy -oil", "guarantee*",
                        "\"security guarantees\"", "nato AND NOT kallas", "type:quote",
                        "date:2025-12 troops", "quotes by Bruen on Trump"}) {
    out.push_back({"/search?q=" + UrlEncode(q), "hits"});
  }
  out.push_back({"/search?q=people&facets=speaker,source,date,type&limit=20", "facets"});
  out.push_back({"/search?q=the&sort=date&offset=30&limit=5", "hits"});
  out.push_back({"/quotes?q=speaker:blair&limit=20", "quotes"});
  out.push_back({"/quotes?q=speaker:zelensky", "quotes"});
  out.push_back({"/suggest?q=bl", "terms"});
  out.push_back({"/suggest?q=speaker:hon", "speakers"});
  out.push_back({"/stats", "documents"});
  out.push_back({"/health", "status"});
  out.push_back({"/article?id=000_461dc09155656a05", "quotes"});
  return out;
}

std::vector<BadRequest> SoakBadRequests() {
  auto get = [](const std::string& target, const std::string& headers = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n";
  };
  std::string many_headers;
  for (int i = 0; i < 200; ++i) many_headers += absl::StrCat("X-Pad-", i, ": ", std::string(100, 'p'), "\r\n");
  std::string wildcards;
  for (size_t i = 0; i <= kMaxWildcards; ++i) wildcards += "a*+";
  return {
      {"bad percent-escape", get("/search?q=%zz"), 400},
      {"truncated percent-escape", get("/search?q=nato%2"), 400},
      {"query string over 12 KiB", get("/search?q=" + std::string(14000, 'a')), 414},
      {"request line over 16 KiB", get("/search?q=" + std::string(20000, 'a')), 431},
      {"headers over 16 KiB", get("/health", many_headers), 431},
      {"a body on GET over 4 KiB", get("/health", "Content-Length: 5000\r\n") + std::string(5000, 'b'), 413},
      {"a small body on GET", get("/health", "Content-Length: 5\r\n") + "hello", 200},
      {"a TLS hello", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"s, 400},
      {"binary garbage", "\x00\xff\xfe\x01 / HTTP/1.1\r\n\r\n"s, 400},
      {"a response instead of a request", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 400},
      {"a header without a colon", "GET /health HTTP/1.1\r\nHost x\r\n\r\n", 400},
      {"a bad chunked body", get("/health", "Transfer-Encoding: chunked\r\n") + "zz\r\n", 400},
      {"a negative Content-Length", get("/health", "Content-Length: -5\r\n"), 400},
      {"closed mid-request", "GET /search?q=nato HTTP/1.1\r\nHo", 0, true},
      {"closed before the body", get("/health", "Content-Length: 100\r\n") + "abc", 0, true},
      {"unknown path", get("/nope"), 404},
      {"path traversal", get("/../../../../etc/passwd"), 404},
      {"an article named by a path", get("/article?id=../../../../etc/passwd"), 404},
      {"POST", "POST /search HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi", 405},
      {"DELETE", get("/health").replace(0, 3, "DELETE"), 405},
      {"negative limit", get("/search?q=nato&limit=-1"), 400},
      {"huge offset", get("/search?q=nato&offset=99999999999999999999"), 400},
      {"unknown sort", get("/search?q=nato&sort=sideways"), 400},
      {"unknown facet", get("/search?q=nato&facets=colour"), 400},
      {"missing q", get("/search?limit=3"), 400},
      {"bad date", get("/search?q=date:2025-13-45"), 400},
      {"too many wildcards", get("/search?q=" + wildcards), 400},
      {"query over 4 KiB", get("/search?q=" + std::string(5000, 'a')), 400},
      {"field with no value", get("/search?q=speaker:"), 400},
      {"lone operator", get("/quotes?q=AND"), 400},
      {"suggest limit over the maximum", get("/suggest?q=a&limit=5000"), 400},
  };
}

struct SoakTally {
  std::atomic<uint64_t> good{0}, good_failed{0}, bad{0}, bad_unexpected{0};
  std::mutex mu;
  std::vector<std::string> failures;  // the first few, for the message
  void Fail(std::atomic<uint64_t>& counter, std::string what) {
    ++counter;
    std::lock_guard<std::mutex> lock(mu);
    if (failures.size() < 10) failures.push_back(std::move(what));
  }
};

bool IsJsonWith(const std::string& body, const std::string& key) {
  json j = json::parse(body, nullptr, false);
  return j.is_object() && j.contains(key);
}

// One client: good requests on a kept-alive connection, one in four
// replaced by a malformed one on a connection of its own.
void SoakClient(int id, std::function<Conn()> connect, std::chrono::steady_clock::time_point until,
                const std::vector<GoodRequest>& good, const std::vector<BadRequest>& bad,
                SoakTally& tally) {
  std::mt19937 rng(id);
  std::optional<Conn> keep;
  while (std::chrono::steady_clock::now() < until) {
    if (rng() % 4 != 0) {
      const GoodRequest& g = good[rng() % good.size()];
      if (!keep || !keep->connected()) keep.emplace(connect());
      Conn::Response r;
      if (keep->Send("GET " + g.target + " HTTP/1.1\r\nHost: x\r\n\r\n")) r = keep->Read();
      ++tally.good;
      if (r.status != 200 || !IsJsonWith(r.body, g.key)) {
        tally.Fail(tally.good_failed, absl::StrCat(g.target, ": HTTP ", r.status, " ", r.body.substr(0, 120)));
        keep.reset();
      } else if (r.close) {
        keep.reset();
      }
      continue;
    }
    const BadRequest& b = bad[rng() % bad.size()];
    Conn c = connect();
    ++tally.bad;
    c.Send(b.bytes);  // the server may answer and close before taking it all
    if (b.hang_up) continue;  // the connection closes with `c`
    Conn::Response r = c.Read();
    bool as_expected = r.status == b.status && (r.status == 0 || IsJsonWith(r.body, r.status == 200 ? "status" : "error"));
    if (!as_expected) {
      tally.Fail(tally.bad_unexpected, absl::StrCat(b.what, ": HTTP ", r.status, " (expected ", b.status, ") ",
                                                    r.body.substr(0, 120)));
    }
  }
}

// 32 clients, half on the Unix socket and half on loopback TCP, for
// SoakSeconds(): no good request may fail, every bad one gets its 4xx, and
// the server's resident memory after warm-up must not grow by more than
// 8 MiB or 10% (whichever is more): the slack of malloc's arenas and of the
// kernel's accounting, far below what a leak of a few bytes a request
// (over 10^5 requests) would add. Under ASan, whose quarantine holds freed
// memory by design, LeakSanitizer at the server's exit checks leaks instead.
TEST(ServerSoak, ThirtyTwoClientsMixingGoodAndBadRequests) {
  testing::TempDir dir;
  const std::string db = dir / "db", sock = dir / "s.sock";
  std::string corpus = ShellQuote(testing::CorpusDir());
  if (std::string shared = testing::SharedDir(); !shared.empty()) {
    corpus += " " + ShellQuote(shared + "/corpora/bbc-fulltext");
  }
  auto built = testing::RunNewsidx("build --corpus " + corpus + " --db " + ShellQuote(db));
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const int port = testing::FreeLoopbackPort();
  Server server(db, sock, absl::StrCat("--listen 127.0.0.1:", port, " --threads 4 --read-timeout-ms 2000"));
  ASSERT_TRUE(Server::Accepting(sock));

  const int seconds = SoakSeconds();
  const auto warm_up = std::chrono::seconds(std::max(2, std::min(10, seconds / 4)));
  const auto start = std::chrono::steady_clock::now();
  const auto until = start + std::chrono::seconds(seconds);
  const std::vector<GoodRequest> good = SoakGoodRequests();
  const std::vector<BadRequest> bad = SoakBadRequests();
  SoakTally tally;
  std::vector<std::thread> clients;
  for (int i = 0; i < 32; ++i) {
    std::function<Conn()> connect = [&, i] {
      return i % 2 == 0 ? Conn::Unix(sock) : Conn::Tcp("127.0.0.1", port);
    };
    clients.emplace_back(SoakClient, i, connect, until, std::cref(good), std::cref(bad), std::ref(tally));
  }
  long rss_warm = -1, rss_peak = 0;
  while (std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(250ms);
    long rss = RssKib(server.pid());
    rss_peak = std::max(rss_peak, rss);
    if (rss_warm < 0 && std::chrono::steady_clock::now() - start >= warm_up) rss_warm = rss;
  }
  for (auto& t : clients) t.join();
  const long rss_end = RssKib(server.pid());

  std::printf("soak: %d s, 32 clients, %lu requests: %lu good (%lu failed), %lu malformed (%lu answered "
              "otherwise); RSS after %ld s warm-up %ld KiB, at the end %ld KiB, peak %ld KiB\n",
              seconds, static_cast<unsigned long>(tally.good + tally.bad),
              static_cast<unsigned long>(tally.good.load()), static_cast<unsigned long>(tally.good_failed.load()),
              static_cast<unsigned long>(tally.bad.load()), static_cast<unsigned long>(tally.bad_unexpected.load()),
              static_cast<long>(warm_up.count()), rss_warm, rss_end, rss_peak);
  EXPECT_GT(tally.good, 0u);
  EXPECT_GT(tally.bad, 0u);
  EXPECT_EQ(tally.good_failed, 0u) << absl::StrJoin(tally.failures, "\n");
  EXPECT_EQ(tally.bad_unexpected, 0u) << absl::StrJoin(tally.failures, "\n");
  ASSERT_GT(rss_warm, 0);
#if !defined(__SANITIZE_ADDRESS__)
  EXPECT_LE(rss_end, rss_warm + std::max(8L * 1024, rss_warm / 10))
      << "resident memory grew after warm-up: " << rss_warm << " KiB -> " << rss_end << " KiB";
#endif
  EXPECT_EQ(Curl(sock, "/health").status, 200);
  EXPECT_EQ(server.Stop(SIGTERM), 0) << "a clean exit (and, under ASan, no leak)";
}

TEST_F(ServerTest, ALiveSocketIsNeverTakenAStaleOneIsReplaced) {
  Server first(db(), sock());
  ASSERT_TRUE(Server::Accepting(sock()));
  auto second = testing::RunNewsidx("serve --db " + ShellQuote(db()) + " --socket " + ShellQuote(sock()));
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find("another server"), std::string::npos) << second.err;
  EXPECT_EQ(Curl(sock(), "/health").status, 200) << "the first server still serves";
  first.Stop(SIGKILL);  // leaves its socket file behind
  ASSERT_TRUE(std::filesystem::exists(sock()));
  Server third(db(), sock());
  ASSERT_TRUE(Server::Accepting(sock()));
  EXPECT_EQ(Curl(sock(), "/health").status, 200);
  EXPECT_EQ(third.Stop(SIGTERM), 0);
}

TEST_F(ServerTest, WithoutAnIndexServeFailsWithOneLine) {
  auto r = testing::RunNewsidx("serve --db " + ShellQuote(dir_ / "nothing") + " --socket " + ShellQuote(sock()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no index"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(sock()));
}

}  // namespace
}  // namespace newsidx
