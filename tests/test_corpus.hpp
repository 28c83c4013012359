#pragma once
// Reading the shared benchmark corpus (../shared/corpus, NNZ_CORPUS_DIR) from tests.
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

// The first `limit` bytes of a corpus file (`name` relative to the corpus), or fewer if it is shorter.
inline std::vector<uint8_t> corpus_bytes(const char* name, size_t limit)
{
    std::ifstream in(std::string(NNZ_CORPUS_DIR) + "/" + name, std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() > limit) bytes.resize(limit);
    return bytes;
}
