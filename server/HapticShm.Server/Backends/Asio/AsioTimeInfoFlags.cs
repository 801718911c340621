namespace HapticShm.Server.Backends.Asio;

/// <summary>AsioTimeInfo.flags (asio.h names).</summary>
[Flags]
public enum AsioTimeInfoFlags : uint
{
    None = 0,
    kSystemTimeValid = 1,
    kSamplePositionValid = 1 << 1,
    kSampleRateValid = 1 << 2,
    kSpeedValid = 1 << 3,
    kSampleRateChanged = 1 << 4,
    kClockSourceChanged = 1 << 5,
}
