#include "file_kind.hpp"

#include <algorithm>
#include <array>
#include <fstream>

namespace nnz {

std::string extension_key(std::string_view path)
{
    const size_t slash = path.rfind('/');
    const size_t name_start = slash == std::string_view::npos ? 0 : slash + 1;
    const size_t dot = path.rfind('.');
    if (dot == std::string_view::npos || dot <= name_start) return {};
    std::string ext(path.substr(dot + 1));
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return ext;
}

bool looks_like_text(std::span<const uint8_t> head)
{
    size_t controls = 0;
    for (uint8_t c : head) {
        if (c == 0) return false;
        if (c < 32 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
        if (c == 127) ++controls;
    }
    return controls * 32 <= head.size();
}

std::vector<uint8_t> file_head(const std::filesystem::path& file)
{
    std::vector<uint8_t> head(4096);
    std::ifstream in(file, std::ios::binary);
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(std::max<std::streamsize>(0, in.gcount())));
    return head;
}

bool file_looks_like_text(const std::filesystem::path& file)
{
    const std::vector<uint8_t> head = file_head(file);
    return !head.empty() && looks_like_text(head);
}

namespace {
bool is_nucleotide(uint8_t c)
{
    switch (c | 0x20) {
    case 'a': case 'c': case 'g': case 't': case 'n': return true;
    default: return false;
    }
}
bool is_line_end(uint8_t c) { return c == '\n' || c == '\r'; }
}  // namespace

bool looks_like_nucleotides(std::span<const uint8_t> bytes)
{
    size_t sequence = 0, bases = 0;
    for (uint8_t c : bytes) {
        bases += is_nucleotide(c);
        sequence += is_nucleotide(c) || is_line_end(c);
    }
    return bases > 0 && sequence * 20 >= bytes.size() * 19;
}

bool looks_like_protein_fasta(std::span<const uint8_t> head)
{
    if (head.empty() || head[0] != '>') return false;
    size_t residues = 0, nucleotides = 0;
    bool line_start = true, header = false;
    for (uint8_t c : head) {
        if (line_start) header = c == '>';
        line_start = c == '\n';
        if (header || is_line_end(c)) continue;
        if (!((c >= 'A' && c <= 'Z') || c == '*' || c == '-')) return false;
        ++residues;
        nucleotides += is_nucleotide(c);
    }
    return residues > 0 && nucleotides * 2 < residues;  // a protein is about a quarter A, C, G, T, N
}

}  // namespace nnz
