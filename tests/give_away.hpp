#pragma once
// Whether this process may give files to another user (uid 4242, gid 4343): root, and not in a
// user namespace that leaves those ids unmapped (where chown fails with EINVAL).
#include <QTemporaryFile>

#include <unistd.h>

namespace {

bool canGiveFilesAway()
{
    if (::geteuid() != 0) return false;
    QTemporaryFile probe;
    return probe.open() && ::chown(probe.fileName().toLocal8Bit().constData(), 4242, 4343) == 0;
}

}  // namespace
