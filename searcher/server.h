// `newsidx serve`: the query endpoints of api.h over HTTP/1.1, on a Unix
// socket and/or a loopback TCP address, with Boost.Beast on Asio.
//
// A fixed pool of worker threads runs every connection's handlers (no thread
// per connection); each worker owns one Searcher, refreshed to the latest
// commit at most kRefreshEvery apart, so a concurrent `newsidx build` is
// seen without a restart. Requests are bounded (header, body, query size,
// idle and read time); bad ones get a 4xx JSON error and the server goes on.
// SIGINT/SIGTERM stop accepting, let in-flight requests finish and remove
// the socket file.
#ifndef NEWSIDX_SEARCHER_SERVER_H_
#define NEWSIDX_SEARCHER_SERVER_H_

#include <chrono>
#include <functional>
#include <string>

#include "absl/status/status.h"

namespace newsidx {

inline constexpr size_t kMaxHeaderBytes = 16 * 1024;  // request line and fields
inline constexpr std::chrono::milliseconds kRefreshEvery{200};

struct ServerOptions {
  std::string db_path;
  std::string socket_path;  // Unix socket, created mode 0600; empty for none
  std::string listen;       // "HOST:PORT" for TCP, bound to HOST only; empty for none
  int threads = 0;          // workers; 0 for one per core
  std::chrono::milliseconds idle_timeout{30000};  // a kept-alive connection waiting
  std::chrono::milliseconds read_timeout{10000};  // a request that began to arrive
  std::function<void(const std::string&)> log;    // one line per event worth telling
};

// Serves until SIGINT or SIGTERM. Fails before serving when the index cannot
// be opened, an address cannot be bound, or a live server holds the socket
// path (a stale socket file is replaced).
absl::Status Serve(const ServerOptions& options);

}  // namespace newsidx

#endif  // NEWSIDX_SEARCHER_SERVER_H_
