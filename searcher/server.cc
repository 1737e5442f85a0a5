#include "searcher/server.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "absl/strings/str_cat.h"
#include "searcher/api.h"
#include "searcher/client.h"
#include "searcher/render.h"
#include "searcher/search.h"
#include "searcher/web.h"

namespace newsidx {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using Local = net::local::stream_protocol;
using Tcp = net::ip::tcp;

constexpr size_t kMaxBodyBytes = 4 * 1024;  // GET and HEAD carry none
constexpr size_t kReadChunk = 4096;
constexpr auto kDrainLimit = std::chrono::seconds(5);  // in-flight work after a signal

// Each worker thread's own index handle.
struct Worker {
  std::unique_ptr<Searcher> searcher;
  std::chrono::steady_clock::time_point refreshed;
};
thread_local Worker* tls_worker = nullptr;

ApiResponse Answer(absl::string_view target) {
  Worker& w = *tls_worker;
  auto now = std::chrono::steady_clock::now();
  if (now - w.refreshed >= kRefreshEvery) {
    w.refreshed = now;
    (void)w.searcher->Refresh();  // a failed refresh keeps the last good view
  }
  // Nothing a request does may end the server.
  try {
    return HandleGet(*w.searcher, target);
  } catch (const Xapian::Error& e) {
    return {500, {{"error", absl::StrCat("internal error: ", e.get_description())}}};
  } catch (const std::exception& e) {
    return {500, {{"error", absl::StrCat("internal error: ", e.what())}}};
  } catch (...) {
    return {500, {{"error", "internal error"}}};
  }
}

class SessionBase {
 public:
  virtual ~SessionBase() = default;
  // Closes the connection if it is waiting for a request; else it closes
  // after answering the one it is on.
  virtual void Shutdown() = 0;
};

// What every connection shares: the options, whether the server is stopping,
// and the open sessions (to wake idle ones on shutdown).
class Shared {
 public:
  explicit Shared(const ServerOptions& options) : options(options) {}
  const ServerOptions& options;
  std::atomic<bool> stopping{false};

  // Called (once the server is stopping) when the last session has ended.
  void SetOnDrained(std::function<void()> f) {
    std::lock_guard<std::mutex> lock(mu_);
    on_drained_ = std::move(f);
  }

  void Add(const std::shared_ptr<SessionBase>& s) {
    std::lock_guard<std::mutex> lock(mu_);
    // Forget ended sessions now and then, so a long-running server's list
    // stays the size of its open connections.
    if (sessions_.size() >= 64 && sessions_.size() > 2 * static_cast<size_t>(open_)) {
      std::erase_if(sessions_, [](const std::weak_ptr<SessionBase>& w) { return w.expired(); });
    }
    sessions_.push_back(s);
    ++open_;
  }
  void Remove() {
    std::function<void()> drained;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (--open_ == 0 && stopping) drained = on_drained_;
    }
    if (drained) drained();
  }
  // Tells every open session the server is stopping.
  void ShutdownAll() {
    std::vector<std::shared_ptr<SessionBase>> live;
    std::function<void()> drained;
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (const auto& w : sessions_) {
        if (auto s = w.lock()) live.push_back(std::move(s));
      }
      sessions_.clear();
      if (open_ == 0) drained = on_drained_;
    }
    if (drained) drained();
    for (const auto& s : live) s->Shutdown();
  }
  void Log(const std::string& line) const {
    if (options.log) options.log(line);
  }

 private:
  std::mutex mu_;
  std::vector<std::weak_ptr<SessionBase>> sessions_;
  int open_ = 0;
  std::function<void()> on_drained_;
};

// One connection: wait for a request (idle timeout), read it (read timeout,
// size limits), answer, and wait again while the client keeps it alive.
template <class Protocol>
class Session : public SessionBase, public std::enable_shared_from_this<Session<Protocol>> {
 public:
  Session(typename Protocol::socket socket, Shared& shared)
      : stream_(std::move(socket)), shared_(shared) {}
  ~Session() override { shared_.Remove(); }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->WaitForRequest(); });
  }

  void Shutdown() override {
    net::post(stream_.get_executor(), [self = this->shared_from_this()] {
      if (!self->busy_) self->Close();
    });
  }

 private:
  void WaitForRequest() {
    if (shared_.stopping) return Close();
    if (buffer_.size() > 0) return ReadRequest();  // the next request already arrived
    busy_ = false;
    stream_.expires_after(shared_.options.idle_timeout);
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = this->shared_from_this()](beast::error_code ec, size_t n) {
                              if (ec) return self->Close();
                              self->buffer_.commit(n);
                              self->ReadRequest();
                            });
  }

  void ReadRequest() {
    busy_ = true;
    head_only_ = false;
    parser_.emplace();
    parser_->header_limit(kMaxHeaderBytes);
    parser_->body_limit(kMaxBodyBytes);
    stream_.expires_after(shared_.options.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = this->shared_from_this()](beast::error_code ec, size_t) {
                       self->OnRequest(ec);
                     });
  }

  void OnRequest(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::operation_aborted) {
      return Close();  // gone, too slow (the stream is closed), or shutting down
    }
    if (ec == http::error::header_limit) {
      return Send(431, {{"error", absl::StrCat("request line and headers exceed ", kMaxHeaderBytes, " bytes")}}, 11, false);
    }
    if (ec == http::error::body_limit) {
      return Send(413, {{"error", absl::StrCat("request body exceeds ", kMaxBodyBytes, " bytes")}}, 11, false);
    }
    if (ec.category() == http::make_error_code(http::error::bad_method).category()) {
      return Send(400, {{"error", absl::StrCat("malformed HTTP request: ", ec.message())}}, 11, false);
    }
    if (ec) return Close();
    const auto& req = parser_->get();
    const bool keep_alive = req.keep_alive() && !shared_.stopping;
    head_only_ = req.method() == http::verb::head;
    if (req.method() != http::verb::get && !head_only_) {
      return Send(405, {{"error", "only GET and HEAD are served"}}, req.version(), keep_alive);
    }
    const std::string target(req.target());
    if (const WebFile* page = FindWebFile(target.substr(0, target.find('?')))) {
      return SendPage(*page, req.version(), keep_alive);
    }
    ApiResponse r = Answer(target);
    Send(r.status, r.body, req.version(), keep_alive);
  }

  void Send(int status, const nlohmann::json& body, unsigned version, bool keep_alive) {
    Prepare(status, "application/json; charset=utf-8", version, keep_alive);
    res_.body() = DumpJson(body) + "\n";
    Write(keep_alive);
  }

  // The search page's files. The policy lets the page load nothing from any
  // other host, whatever an article's text holds.
  void SendPage(const WebFile& page, unsigned version, bool keep_alive) {
    Prepare(200, page.content_type, version, keep_alive);
    res_.set("Content-Security-Policy",
             "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
             "frame-ancestors 'none'");
    res_.set("X-Content-Type-Options", "nosniff");
    res_.set(http::field::cache_control, "no-cache");  // a new binary may serve a new page
    res_.body() = std::string(page.body);
    Write(keep_alive);
  }

  void Prepare(int status, absl::string_view content_type, unsigned version, bool keep_alive) {
    busy_ = true;
    res_ = {};
    res_.result(static_cast<http::status>(status));
    res_.version(version);
    res_.set(http::field::server, "newsidx");
    res_.set(http::field::content_type, std::string(content_type));
    res_.keep_alive(keep_alive);
  }

  void Write(bool keep_alive) {
    res_.prepare_payload();
    if (head_only_) res_.body().clear();  // the length stays that of the GET
    stream_.expires_after(shared_.options.read_timeout);
    http::async_write(stream_, res_,
                      [self = this->shared_from_this(), keep_alive](beast::error_code ec, size_t) {
                        if (ec || !keep_alive) return self->Close();
                        self->WaitForRequest();
                      });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(net::socket_base::shutdown_both, ec);
    stream_.close();
  }

  beast::basic_stream<Protocol> stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> res_;
  Shared& shared_;
  bool busy_ = false;
  bool head_only_ = false;
};

template <class Protocol>
class Listener : public std::enable_shared_from_this<Listener<Protocol>> {
 public:
  Listener(net::io_context& ioc, typename Protocol::acceptor acceptor, Shared& shared)
      : ioc_(ioc), acceptor_(std::move(acceptor)), shared_(shared) {}

  void Accept() {
    acceptor_.async_accept(
        net::make_strand(ioc_),
        [self = this->shared_from_this()](beast::error_code ec, typename Protocol::socket socket) {
          if (!self->acceptor_.is_open()) return;
          if (ec) {
            self->shared_.Log(absl::StrCat("accept: ", ec.message()));
          } else {
            auto session = std::make_shared<Session<Protocol>>(std::move(socket), self->shared_);
            self->shared_.Add(session);
            session->Start();
          }
          self->Accept();
        });
  }

  void Stop() {
    net::post(acceptor_.get_executor(), [self = this->shared_from_this()] {
      beast::error_code ec;
      self->acceptor_.close(ec);
    });
  }

 private:
  net::io_context& ioc_;
  typename Protocol::acceptor acceptor_;
  Shared& shared_;
};

// Binds `path`, replacing a stale socket file but never a live server's.
absl::StatusOr<Local::acceptor> BindUnix(net::io_context& ioc, const std::string& path) {
  if (path.size() >= sizeof(sockaddr_un::sun_path)) {
    return absl::InvalidArgumentError(absl::StrCat("socket path is too long: ", path));
  }
  struct stat st;
  if (lstat(path.c_str(), &st) == 0) {
    if (!S_ISSOCK(st.st_mode)) {
      return absl::FailedPreconditionError(absl::StrCat(path, " exists and is not a socket"));
    }
    Local::socket probe(ioc);
    beast::error_code ec;
    probe.connect(Local::endpoint(path), ec);
    if (!ec) {
      return absl::FailedPreconditionError(
          absl::StrCat("another server is listening on ", path, "; not taking it over"));
    }
    ::unlink(path.c_str());  // left by a server that died
  }
  Local::acceptor acceptor(ioc);
  beast::error_code ec;
  acceptor.open(Local(), ec);
  if (!ec) acceptor.bind(Local::endpoint(path), ec);
  // Owner only, before anyone can connect.
  if (!ec && ::chmod(path.c_str(), 0600) != 0) ec = beast::error_code(errno, boost::system::generic_category());
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return absl::UnavailableError(absl::StrCat("cannot listen on ", path, ": ", ec.message()));
  return acceptor;
}

absl::StatusOr<Tcp::acceptor> BindTcp(net::io_context& ioc, const std::string& host_port) {
  std::string host;
  unsigned short port;
  if (absl::Status s = SplitHostPort(host_port, &host, &port); !s.ok()) return s;
  beast::error_code ec;
  net::ip::address address = net::ip::make_address(host, ec);
  if (ec) return absl::InvalidArgumentError(absl::StrCat("'", host, "' is not an IP address"));
  Tcp::acceptor acceptor(ioc);
  Tcp::endpoint endpoint(address, port);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return absl::UnavailableError(absl::StrCat("cannot listen on ", host_port, ": ", ec.message()));
  return acceptor;
}

}  // namespace

absl::Status Serve(const ServerOptions& options) {
  if (options.socket_path.empty() && options.listen.empty()) {
    return absl::InvalidArgumentError("nothing to listen on: give a socket path or HOST:PORT");
  }
  // Fail before listening when the index cannot be read.
  if (auto probe = Searcher::Open(options.db_path); !probe.ok()) return probe.status();

  const int threads = options.threads > 0 ? options.threads
                                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Shared shared(options);  // outlives the io_context, whose handlers hold sessions
  net::io_context ioc(threads);
  std::shared_ptr<Listener<Local>> unix_listener;
  std::shared_ptr<Listener<Tcp>> tcp_listener;
  if (!options.socket_path.empty()) {
    auto acceptor = BindUnix(ioc, options.socket_path);
    if (!acceptor.ok()) return acceptor.status();
    unix_listener = std::make_shared<Listener<Local>>(ioc, std::move(*acceptor), shared);
  }
  if (!options.listen.empty()) {
    auto acceptor = BindTcp(ioc, options.listen);
    if (!acceptor.ok()) {
      if (!options.socket_path.empty()) ::unlink(options.socket_path.c_str());
      return acceptor.status();
    }
    tcp_listener = std::make_shared<Listener<Tcp>>(ioc, std::move(*acceptor), shared);
  }

  // On a signal: stop accepting, close idle connections, let the rest finish
  // (for at most kDrainLimit), then return.
  net::signal_set signals(ioc, SIGINT, SIGTERM);
  net::steady_timer drain_limit(ioc);
  signals.async_wait([&](beast::error_code ec, int signal) {
    if (ec) return;
    shared.Log(absl::StrCat("signal ", signal, ": finishing requests in flight"));
    shared.stopping = true;
    shared.SetOnDrained(
        [&drain_limit] { net::post(drain_limit.get_executor(), [&drain_limit] { drain_limit.cancel(); }); });
    if (unix_listener) unix_listener->Stop();
    if (tcp_listener) tcp_listener->Stop();
    drain_limit.expires_after(kDrainLimit);
    drain_limit.async_wait([&ioc](beast::error_code) { ioc.stop(); });
    shared.ShutdownAll();
  });
  if (unix_listener) unix_listener->Accept();
  if (tcp_listener) tcp_listener->Accept();

  std::vector<std::thread> pool;
  std::atomic<int> failed{0};
  for (int i = 0; i < threads; ++i) {
    pool.emplace_back([&] {
      Worker worker;
      auto searcher = Searcher::Open(options.db_path);
      if (!searcher.ok()) {
        shared.Log(absl::StrCat("worker: ", searcher.status().message()));
        ++failed;
        return;
      }
      worker.searcher = std::move(*searcher);
      worker.refreshed = std::chrono::steady_clock::now();
      tls_worker = &worker;
      ioc.run();
      tls_worker = nullptr;
    });
  }
  for (std::thread& t : pool) t.join();
  shared.SetOnDrained(nullptr);  // sessions the io_context still holds end with it
  if (!options.socket_path.empty()) ::unlink(options.socket_path.c_str());
  if (failed == threads) return absl::UnavailableError("no worker could open the index");
  return absl::OkStatus();
}

}  // namespace newsidx
