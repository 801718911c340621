using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Interop;

internal static partial class Interop
{
    /// <summary>posix_spawn(3) and friends (glibc), waitid/waitpid to reap what we spawned.</summary>
    internal static unsafe partial class Spawn
    {
        private const string LibraryName = "libc";

        // glibc's posix_spawnattr_t is 336 bytes, posix_spawn_file_actions_t 80, sigset_t 128 on
        // 64-bit Linux: buffers of these sizes hold them with room to spare.
        internal const int AttrBytes = 512;
        internal const int FileActionsBytes = 256;
        internal const int SigsetBytes = 128;
        internal const int SiginfoBytes = 128;

        internal const short POSIX_SPAWN_SETSIGDEF = 0x04;
        internal const short POSIX_SPAWN_SETSIGMASK = 0x08;
        internal const short POSIX_SPAWN_SETSID = 0x80; // glibc 2.26

        internal const int O_RDONLY = 0x0;
        internal const int O_WRONLY = 0x1;
        internal const int O_CREAT = 0x40;
        internal const int O_APPEND = 0x400;

        internal const int P_PID = 1;
        internal const int P_PIDFD = 3;
        internal const int WNOHANG = 1;
        internal const int WEXITED = 4;
        internal const int ECHILD = 10;
        internal const long SYS_pidfd_open = 434;

        [LibraryImport(LibraryName, EntryPoint = "posix_spawn")]
        internal static partial int posix_spawn(int* pid, byte* path, void* fileActions, void* attr, byte** argv, byte** envp);

        [LibraryImport(LibraryName, EntryPoint = "posix_spawnattr_init")]
        internal static partial int posix_spawnattr_init(void* attr);

        [LibraryImport(LibraryName, EntryPoint = "posix_spawnattr_destroy")]
        internal static partial int posix_spawnattr_destroy(void* attr);

        [LibraryImport(LibraryName, EntryPoint = "posix_spawnattr_setflags")]
        internal static partial int posix_spawnattr_setflags(void* attr, short flags);

        [LibraryImport(LibraryName, EntryPoint = "posix_spawnattr_setsigmask")]
        internal static partial int posix_spawnattr_setsigmask(void* attr, void* sigset);

        [LibraryImport(LibraryName, EntryPoint = "posix_spawnattr_setsigdefault")]
        internal static partial int posix_spawnattr_setsigdefault(void* attr, void* sigset);

        [LibraryImport(LibraryName, EntryPoint = "posix_spawn_file_actions_init")]
        internal static partial int posix_spawn_file_actions_init(void* actions);

        [LibraryImport(LibraryName, EntryPoint = "posix_spawn_file_actions_destroy")]
        internal static partial int posix_spawn_file_actions_destroy(void* actions);

        [LibraryImport(LibraryName, EntryPoint = "posix_spawn_file_actions_addopen")]
        internal static partial int posix_spawn_file_actions_addopen(void* actions, int fd, byte* path, int flags, uint mode);

        [LibraryImport(LibraryName, EntryPoint = "posix_spawn_file_actions_adddup2")]
        internal static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newFd);

        [LibraryImport(LibraryName, EntryPoint = "posix_spawn_file_actions_addclose")]
        internal static partial int posix_spawn_file_actions_addclose(void* actions, int fd);

        // glibc 2.34: closes every descriptor from fd up in the child.
        [LibraryImport(LibraryName, EntryPoint = "posix_spawn_file_actions_addclosefrom_np")]
        internal static partial int posix_spawn_file_actions_addclosefrom_np(void* actions, int fromFd);

        // glibc 2.29.
        [LibraryImport(LibraryName, EntryPoint = "posix_spawn_file_actions_addchdir_np")]
        internal static partial int posix_spawn_file_actions_addchdir_np(void* actions, byte* path);

        [LibraryImport(LibraryName, EntryPoint = "sigemptyset")]
        internal static partial int sigemptyset(void* set);

        [LibraryImport(LibraryName, EntryPoint = "sigfillset")]
        internal static partial int sigfillset(void* set);

        [LibraryImport(LibraryName, EntryPoint = "waitid", SetLastError = true)]
        internal static partial int waitid(int idType, int id, void* info, int options);

        [LibraryImport(LibraryName, EntryPoint = "waitpid", SetLastError = true)]
        internal static partial int waitpid(int pid, int* status, int options);

        [LibraryImport(LibraryName, EntryPoint = "close")]
        internal static partial int close(int fd);

        [LibraryImport(LibraryName, EntryPoint = "syscall", SetLastError = true)]
        internal static partial long syscall(long number, long arg1, long arg2);
    }
}
