using System.Runtime.InteropServices;

namespace HapticShm.Server.Backends.Null;

internal static unsafe partial class Interop
{
    internal static partial class Libc
    {
        internal const int CLOCK_MONOTONIC = 1;
        internal const int TIMER_ABSTIME = 1;

        [StructLayout(LayoutKind.Sequential)]
        internal struct Timespec
        {
            public long tv_sec;
            public long tv_nsec;
        }

        internal const int SCHED_FIFO = 1;

        [StructLayout(LayoutKind.Sequential)]
        internal struct SchedParam
        {
            public int sched_priority;
        }

        // pid 0 is the calling thread on Linux.
        [LibraryImport("libc")]
        internal static partial int sched_setscheduler(int pid, int policy, SchedParam* param);

        // Sleeps until an absolute CLOCK_MONOTONIC time, the clock MonotonicClock reads on Linux.
        [LibraryImport("libc")]
        internal static partial int clock_nanosleep(int clockId, int flags, Timespec* request, Timespec* remain);
    }
}
