#include "searcher/client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace newsidx {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

constexpr uint64_t kMaxAnswerBytes = 256 << 20;

template <class Stream>
absl::StatusOr<HttpAnswer> Exchange(Stream& stream, const std::string& target) {
  http::request<http::empty_body> req{http::verb::get, target, 11};
  req.set(http::field::host, "localhost");
  req.set(http::field::user_agent, "newsidx");
  req.keep_alive(false);
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(kMaxAnswerBytes);
  http::read(stream, buffer, parser);
  return HttpAnswer{static_cast<int>(parser.get().result_int()), parser.get().body()};
}

}  // namespace

absl::Status SplitHostPort(const std::string& host_port, std::string* host, unsigned short* port) {
  size_t colon = host_port.rfind(':');
  uint32_t p = 0;
  if (colon == std::string::npos || colon == 0 || !absl::SimpleAtoi(host_port.substr(colon + 1), &p) ||
      p == 0 || p > 65535) {
    return absl::InvalidArgumentError(absl::StrCat("'", host_port, "' is not HOST:PORT"));
  }
  *host = host_port.substr(0, colon);
  if (host->size() > 2 && host->front() == '[' && host->back() == ']') *host = host->substr(1, host->size() - 2);
  *port = static_cast<unsigned short>(p);
  return absl::OkStatus();
}

absl::StatusOr<HttpAnswer> HttpGet(const ServerAddress& address, const std::string& target) {
  net::io_context ioc;
  try {
    if (!address.socket_path.empty()) {
      beast::basic_stream<net::local::stream_protocol> stream(ioc);
      stream.connect(net::local::stream_protocol::endpoint(address.socket_path));
      return Exchange(stream, target);
    }
    std::string host;
    unsigned short port;
    if (absl::Status s = SplitHostPort(address.host_port, &host, &port); !s.ok()) return s;
    net::ip::tcp::resolver resolver(ioc);
    beast::tcp_stream stream(ioc);
    stream.connect(resolver.resolve(host, std::to_string(port)));
    return Exchange(stream, target);
  } catch (const boost::system::system_error& e) {
    std::string where = address.socket_path.empty() ? address.host_port : address.socket_path;
    return absl::UnavailableError(absl::StrCat("no newsidx server at ", where, ": ", e.code().message()));
  }
}

}  // namespace newsidx
