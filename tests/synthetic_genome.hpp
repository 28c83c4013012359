#pragma once
// A made-up genome and its proteome as FASTA, for the protein-from-genes model: random DNA with
// genes (ATG, codons without a stop, TAA) on either strand, and the proteins they code for, in
// gene order. The genetic code here is written out on its own, not taken from the engine.
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace nnz_test {

inline char amino_acid_of(const std::string& codon)
{
    static const std::map<std::string, char> code = [] {
        const std::string bases = "TCAG", acids = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";
        std::map<std::string, char> m;
        for (int i = 0; i < 64; ++i) m[std::string{bases[i / 16], bases[i / 4 % 4], bases[i % 4]}] = acids[static_cast<size_t>(i)];
        return m;
    }();
    return code.at(codon);
}

inline std::string reverse_complement(const std::string& dna)
{
    std::string out(dna.rbegin(), dna.rend());
    for (char& c : out) c = c == 'A' ? 'T' : c == 'T' ? 'A' : c == 'C' ? 'G' : 'C';
    return out;
}

inline std::string fasta_lines(const std::string& header, const std::string& sequence, size_t width)
{
    std::string out = ">" + header + "\n";
    for (size_t i = 0; i < sequence.size(); i += width) out += sequence.substr(i, width) + "\n";
    return out;
}

struct GenomeAndProteome {
    std::string genome;    // FASTA, one record
    std::string proteome;  // FASTA, a record per gene
    std::vector<std::string> proteins;
};

// `genes` genes of `codons` codons each (start included), every other one on the reverse
// strand when `both_strands`; lines of `width`.
inline GenomeAndProteome synthetic_genome(uint32_t seed, int genes, int codons, bool both_strands, size_t width = 60)
{
    std::mt19937 rng(seed);
    const std::string bases = "ACGT";
    auto random_bases = [&](size_t n) {
        std::string s;
        for (size_t i = 0; i < n; ++i) s += bases[rng() % 4];
        return s;
    };
    GenomeAndProteome out;
    std::string dna;
    for (int g = 0; g < genes; ++g) {
        dna += random_bases(40 + rng() % 80);
        std::string gene = "ATG", protein = "M";
        while (static_cast<int>(protein.size()) < codons) {
            const std::string codon = random_bases(3);
            if (amino_acid_of(codon) == '*') continue;
            gene += codon;
            protein += amino_acid_of(codon);
        }
        gene += "TAA";
        dna += both_strands && g % 2 == 1 ? reverse_complement(gene) : gene;
        out.proteins.push_back(protein);
        out.proteome += fasta_lines("p" + std::to_string(g) + " made-up protein " + std::to_string(g), protein, width);
    }
    dna += random_bases(60);
    out.genome = fasta_lines("chr1 made-up genome", dna, width);
    return out;
}

}  // namespace nnz_test
