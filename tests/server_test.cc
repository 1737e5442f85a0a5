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
#include <thread>

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "searcher/api.h"
#include "searcher/server.h"
#include "tests/test_util.h"

extern char** environ;

namespace newsidx {
namespace {

using nlohmann::json;
using testing::ShellQuote;
using namespace std::chrono_literals;

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
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  size_t nl = out.rfind('\n');
  Answer a;
  if (nl == std::string::npos) return a;
  a.status = std::atoi(out.c_str() + nl + 1);
  a.body = json::parse(out.substr(0, nl), nullptr, false);
  return a;
}

// Sends raw bytes and returns whatever comes back before the server closes
// the connection (or `wait` passes).
std::string RawExchange(const std::string& socket, const std::string& bytes,
                        std::chrono::milliseconds wait = 5000ms) {
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", socket.c_str());
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return "(no connection)";
  }
  timeval tv{static_cast<time_t>(wait.count() / 1000), static_cast<suseconds_t>(wait.count() % 1000 * 1000)};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  for (size_t sent = 0; sent < bytes.size();) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer and close before reading it all
    sent += n;
  }
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, n);
  if (n < 0) out += "(still open)";
  ::close(fd);
  return out;
}

int StatusOf(const std::string& raw) {
  return raw.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(raw.c_str() + 9) : 0;
}

// A loopback port nobody listens on now.
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
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
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
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
  const int port = FreePort();
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
  std::atomic<bool> building{true};
  std::atomic<int> errors{0}, rounds{0};
  std::thread load([&] {
    while (building) {
      errors += LoadErrors(sock, 4, 25);
      ++rounds;
    }
  });
  // A second section, committed in several steps while the load runs.
  auto second = testing::RunNewsidx("build --corpus " + ShellQuote(bbc + "/business") + " " +
                                    ShellQuote(bbc + "/sport") + " --db " + ShellQuote(db));
  // Then the same afresh in two shards: a new generation switched in under the load.
  auto third = testing::RunNewsidx("build --shards 2 --corpus " + ShellQuote(bbc + "/business") +
                                   " " + ShellQuote(bbc + "/sport") + " --db " + ShellQuote(db));
  building = false;
  load.join();
  ASSERT_EQ(second.exit_code, 0) << second.err;
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_EQ(testing::ReadFile(db + "/XAPIANDB").find("shard-1") != std::string::npos, true);
  EXPECT_GT(rounds, 0);
  EXPECT_EQ(errors, 0);
  std::this_thread::sleep_for(kRefreshEvery * 3);
  EXPECT_GT(Curl(sock, "/health").body["documents"].get<int>(), before);
  EXPECT_EQ(server.Stop(SIGTERM), 0);
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
