// Load on a running `newsidx serve`: requests per second and p50/p99
// latency for a fixed query mix (phrase, fielded, faceted, who-said-what),
// with 1, 4 and 16 concurrent clients, each on one kept-alive connection.
//
//   build/newsidx build --db /tmp/bbc --corpus ../shared/corpora/bbc-fulltext
//   build/newsidx serve --db /tmp/bbc --socket /tmp/bbc.sock &
//   build/bench/newsidx_load --socket /tmp/bbc.sock [--seconds 5] [--clients 1,4,16]
//
// The clients run on the same machine as the server and share its cores.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "searcher/client.h"

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using Clock = std::chrono::steady_clock;

const char* const kMix[] = {
    "/search?q=%22prime+minister%22",                            // phrase
    "/search?q=title:economy+growth",                            // fielded
    "/search?q=election&facets=speaker,source,date,type",        // faceted
    "/search?q=everything+Blair+said+about+Iraq",                // who said what
    "/search?q=speaker:brown+budget&sort=date",                  // speaker field, sorted
    "/search?q=film+AND+award&limit=20",                         // boolean, a longer page
};

struct ClientResult {
  std::vector<double> micros;  // one per answered request
  int errors = 0;
};

template <class Stream>
void Loop(Stream& stream, int client, Clock::time_point until, ClientResult& out) {
  beast::flat_buffer buffer;
  for (size_t i = client; Clock::now() < until; ++i) {
    http::request<http::empty_body> req{http::verb::get, kMix[i % std::size(kMix)], 11};
    req.set(http::field::host, "localhost");
    auto start = Clock::now();
    http::write(stream, req);
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    out.micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (res.result_int() != 200) ++out.errors;
  }
}

void Client(const newsidx::ServerAddress& address, int client, Clock::time_point until,
            ClientResult& out) {
  net::io_context ioc;
  try {
    if (!address.socket_path.empty()) {
      beast::basic_stream<net::local::stream_protocol> stream(ioc);
      stream.connect(net::local::stream_protocol::endpoint(address.socket_path));
      Loop(stream, client, until, out);
    } else {
      std::string host;
      unsigned short port;
      if (!newsidx::SplitHostPort(address.host_port, &host, &port).ok()) throw std::runtime_error("bad HOST:PORT");
      beast::tcp_stream stream(ioc);
      net::ip::tcp::resolver resolver(ioc);
      stream.connect(resolver.resolve(host, std::to_string(port)));
      Loop(stream, client, until, out);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "client %d: %s\n", client, e.what());
    ++out.errors;
  }
}

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  size_t k = std::min(v.size() - 1, static_cast<size_t>(p * v.size()));
  std::nth_element(v.begin(), v.begin() + k, v.end());
  return v[k];
}

}  // namespace

int main(int argc, char** argv) {
  newsidx::ServerAddress address;
  double seconds = 5;
  std::vector<int> levels = {1, 4, 16};
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--socket") {
      address.socket_path = value;
    } else if (flag == "--connect") {
      address.host_port = value;
    } else if (flag == "--seconds") {
      absl::SimpleAtod(value, &seconds);
    } else if (flag == "--clients") {
      levels.clear();
      for (absl::string_view n : absl::StrSplit(value, ',')) {
        int c;
        if (absl::SimpleAtoi(n, &c) && c > 0) levels.push_back(c);
      }
    }
  }
  if (address.socket_path.empty() && address.host_port.empty()) {
    std::fprintf(stderr, "usage: newsidx_load --socket PATH | --connect HOST:PORT [--seconds S] [--clients 1,4,16]\n");
    return 2;
  }
  std::printf("%-8s %10s %10s %10s %8s\n", "clients", "req/s", "p50 ms", "p99 ms", "errors");
  for (int clients : levels) {
    std::vector<ClientResult> results(clients);
    std::vector<std::thread> threads;
    auto start = Clock::now();
    auto until = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    for (int c = 0; c < clients; ++c) {
      threads.emplace_back(Client, std::cref(address), c, until, std::ref(results[c]));
    }
    for (auto& t : threads) t.join();
    double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    int errors = 0;
    for (auto& r : results) {
      all.insert(all.end(), r.micros.begin(), r.micros.end());
      errors += r.errors;
    }
    std::printf("%-8d %10.0f %10.2f %10.2f %8d\n", clients, all.size() / elapsed,
                Percentile(all, 0.50) / 1000, Percentile(all, 0.99) / 1000, errors);
  }
  return 0;
}
