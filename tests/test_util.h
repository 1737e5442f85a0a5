// Helpers shared by the tests: temporary folders, files, running the binary.
#ifndef NEWSIDX_TESTS_TEST_UTIL_H_
#define NEWSIDX_TESTS_TEST_UTIL_H_

#include <filesystem>
#include <string>

namespace newsidx::testing {

// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

void WriteFile(const std::string& path, const std::string& bytes);
std::string ReadFile(const std::string& path);

// The repository's corpus/ (the five seed articles).
std::string CorpusDir();
// ../shared, or "" when it is not beside the repository.
std::string SharedDir();

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs a /bin/sh command line.
CommandResult RunCommand(const std::string& command);
// Runs the newsidx binary with `args` (already shell-quoted as needed).
CommandResult RunNewsidx(const std::string& args);

// A loopback TCP port nobody listens on now (the kernel's choice).
int FreeLoopbackPort();

// Single-quotes `s` for /bin/sh.
std::string ShellQuote(const std::string& s);

}  // namespace newsidx::testing

#endif  // NEWSIDX_TESTS_TEST_UTIL_H_
