// bench_scale: large work through the `nnzip` CLI with the store codec (docs/RELIABILITY.md,
// "Scale"). Measures wall time and peak RSS (wait4's rusage) of each child process:
//   1. a sparse file larger than 4 GiB with random data at both ends: a, t, x, compared;
//   2. 100,000 small files in 100 folders: a, l (listing; the goal is under a second), x, compared;
//   3. a one-file archive, for the process's baseline RSS (LibTorch alone is most of it).
// Memory should stay near the baseline plus a few blocks (8 MiB each by default), whatever the
// size of the input.
//
// Usage: bench_scale [--dir SCRATCH] [--cli PATH] [--big-mib N] [--files N]
//   SCRATCH needs about twice the big file's size free (archive + extracted copy); everything made
//   there is removed at the end. The CLI defaults to ../app/nnzip next to this program.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "container/archive_reader.hpp"

namespace fs = std::filesystem;

namespace {

struct Measured {
    int status = -1;
    double seconds = 0;
    long max_rss_kib = 0;
};

// Runs the command with stdout going to /dev/null, and measures it.
Measured run(const std::vector<std::string>& argv)
{
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        std::perror("execv");
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    Measured m;
    m.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.max_rss_kib = usage.ru_maxrss;
    return m;
}

void report(const char* what, const Measured& m, double bytes = 0)
{
    std::printf("| %-44s | %8.2f s | %8.1f MiB | %s", what, m.seconds, m.max_rss_kib / 1024.0,
                m.status == 0 ? "ok" : "FAILED");
    if (bytes > 0 && m.seconds > 0) std::printf(", %.0f MB/s", bytes / m.seconds / 1e6);
    std::printf(" |\n");
    std::fflush(stdout);
    if (m.status != 0) std::fprintf(stderr, "bench_scale: %s exited with %d\n", what, m.status);
}

std::string randomBytes(size_t n, uint32_t seed)
{
    std::mt19937_64 rng(seed);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng());
    return s;
}

std::string readAt(const fs::path& path, uint64_t offset, size_t n)
{
    std::ifstream in(path, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(offset));
    std::string s(n, '\0');
    in.read(s.data(), static_cast<std::streamsize>(n));
    s.resize(static_cast<size_t>(in.gcount()));
    return s;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

int main(int argc, char** argv)
{
    fs::path scratch = fs::temp_directory_path();
    fs::path cli = fs::canonical("/proc/self/exe").parent_path().parent_path() / "app" / "nnzip";
    uint64_t big_mib = 4 * 1024 + 512;  // 4.5 GiB: past every 32-bit size and offset
    int files = 100'000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string opt = argv[i];
        if (opt == "--dir") scratch = argv[i + 1];
        else if (opt == "--cli") cli = argv[i + 1];
        else if (opt == "--big-mib") big_mib = std::stoull(argv[i + 1]);
        else if (opt == "--files") files = std::stoi(argv[i + 1]);
        else {
            std::fprintf(stderr, "usage: bench_scale [--dir SCRATCH] [--cli PATH] [--big-mib N] [--files N]\n");
            return 1;
        }
    }
    const fs::path root = scratch / ("nnzip-bench-scale-" + std::to_string(::getpid()));
    fs::create_directories(root);
    const std::string nnzip = cli.string();
    bool ok = true;
    std::printf("| step | wall | peak RSS | result |\n|---|---|---|---|\n");

    // 3. Baselines: a process that only starts (LibTorch's start-up is most of it), and one small file.
    const Measured startup = run({nnzip, "--version"});
    report("baseline: --version (process start-up)", startup);
    {
        std::ofstream(root / "small.txt") << "small\n";
        report("baseline: a, one 6-byte file",
               run({nnzip, "a", (root / "small.nnz").string(), (root / "small.txt").string(), "--codec", "store"}));
    }

    // 1. The big sparse file.
    {
        const uint64_t size = big_mib << 20;
        const fs::path in = root / "big";
        fs::create_directories(in);
        const fs::path file = in / "big.bin";
        const std::string head = randomBytes(1 << 20, 1), tail = randomBytes(1 << 20, 2);
        {
            std::ofstream out(file, std::ios::binary);
            out.write(head.data(), static_cast<std::streamsize>(head.size()));
            out.seekp(static_cast<std::streamoff>(size - tail.size()));
            out.write(tail.data(), static_cast<std::streamsize>(tail.size()));
        }
        const fs::path archive = root / "big.nnz";
        char what[128];
        std::snprintf(what, sizeof what, "a, one sparse file of %.2f GiB", double(size) / (1ull << 30));
        Measured m = run({nnzip, "a", archive.string(), in.string(), "--codec", "store"});
        report(what, m, double(size));
        ok = ok && m.status == 0;
        m = run({nnzip, "t", archive.string()});
        report("t, the same archive", m, double(size));
        ok = ok && m.status == 0;
        m = run({nnzip, "x", archive.string(), "-o", (root / "big-out").string()});
        report("x, the same archive", m, double(size));
        ok = ok && m.status == 0;
        const fs::path got = root / "big-out" / "big" / "big.bin";
        const bool same = fs::file_size(got) == size && readAt(got, 0, head.size()) == head &&
                          readAt(got, size - tail.size(), tail.size()) == tail &&
                          readAt(got, size / 2, 4096) == std::string(4096, '\0');
        std::printf("| %-44s | | | %s |\n", "extracted file: size, both ends, middle", same ? "identical" : "DIFFERENT");
        ok = ok && same;
        fs::remove_all(root / "big-out");
        fs::remove(archive);
        fs::remove_all(in);
    }

    // 2. 100,000 small files.
    {
        const fs::path in = root / "many";
        std::mt19937 rng(3);
        for (int i = 0; i < files; ++i) {
            const fs::path dir = in / ("d" + std::to_string(i / 1000));
            if (i % 1000 == 0) fs::create_directories(dir);
            std::ofstream(dir / ("f" + std::to_string(i))) << "file " << i << " " << std::string(rng() % 200, 'x') << "\n";
        }
        const fs::path archive = root / "many.nnz";
        char what[128];
        std::snprintf(what, sizeof what, "a, %d small files", files);
        Measured m = run({nnzip, "a", archive.string(), in.string(), "--codec", "store"});
        report(what, m);
        ok = ok && m.status == 0;
        m = run({nnzip, "l", archive.string()});
        std::snprintf(what, sizeof what, "l, %d entries (process)", files + files / 1000 + 1);
        report(what, m);
        ok = ok && m.status == 0;
        std::printf("| %-44s | %8.2f s | | |\n", "l minus the start-up baseline", m.seconds - startup.seconds);
        m = run({nnzip, "l", "--json", archive.string()});
        report("l --json, the same", m);
        // In-process: what `l` and the GUI do once running: open and validate the index, then
        // compute every row (the packed share is the only derived column).
        const auto start = std::chrono::steady_clock::now();
        const nnz::ArchiveReader reader(archive);
        double packed = 0;
        uint64_t bytes = 0;
        for (const auto& e : reader.entries()) {
            packed += reader.packed_size_of(e);
            bytes += e.size + e.path.size();
        }
        const double list_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("| %-44s | %8.3f s | | %zu entries, %s |\n", "open, validate, compute rows (in-process)", list_s,
                    reader.entries().size(), list_s < 1.0 ? "under 1 s" : "OVER 1 s");
        ok = ok && list_s < 1.0 && packed >= 0 && bytes > 0;
        m = run({nnzip, "x", archive.string(), "-o", (root / "many-out").string()});
        std::snprintf(what, sizeof what, "x, %d small files", files);
        report(what, m);
        ok = ok && m.status == 0;
        int differing = 0;
        for (int i = 0; i < files; ++i) {
            const fs::path rel = fs::path("many") / ("d" + std::to_string(i / 1000)) / ("f" + std::to_string(i));
            if (readFile(root / "many-out" / rel) != readFile(root / rel)) ++differing;
        }
        std::printf("| %-44s | | | %s |\n", "extracted files compared", differing == 0 ? "identical" : "DIFFERENT");
        ok = ok && differing == 0;
    }

    fs::remove_all(root);
    std::printf("\n%s\n", ok ? "all steps ok" : "SOME STEPS FAILED");
    return ok ? 0 : 1;
}
