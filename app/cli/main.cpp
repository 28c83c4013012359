#include <cstdio>

int main() { std::puts("nnzip " NNZIP_VERSION); return 0; }
