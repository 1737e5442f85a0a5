// The client side of `newsidx serve`: one HTTP GET to a server on a Unix
// socket or at HOST:PORT, for `newsidx query --socket/--connect`.
#ifndef NEWSIDX_SEARCHER_CLIENT_H_
#define NEWSIDX_SEARCHER_CLIENT_H_

#include <string>

#include "absl/status/statusor.h"

namespace newsidx {

struct ServerAddress {
  std::string socket_path;  // a Unix socket, or
  std::string host_port;    // "HOST:PORT"
};

struct HttpAnswer {
  int status = 0;
  std::string body;
};

// Unavailable when the server cannot be reached.
absl::StatusOr<HttpAnswer> HttpGet(const ServerAddress& address, const std::string& target);

// "HOST:PORT" → host and port, or InvalidArgument.
absl::Status SplitHostPort(const std::string& host_port, std::string* host, unsigned short* port);

}  // namespace newsidx

#endif  // NEWSIDX_SEARCHER_CLIENT_H_
