namespace HapticShm.Shared.Status;

/// <summary>Why a host's clock was not trusted; <see cref="ClockSourceStatus.Value"/> says how much.</summary>
public enum HostClockFault : byte
{
    /// <summary>No fault.</summary>
    None = 0,
    /// <summary>Runs at the wrong rate against ours (other units: us, ms); value: host ns per our ns.</summary>
    WrongRate = 1,
    /// <summary>Went back between two blocks; value: the step, ms (negative).</summary>
    RunsBackwards = 2,
    /// <summary>Gave the same time to two blocks.</summary>
    StandsStill = 3,
    /// <summary>Moved by more than one block's time against ours; value: the jump, ms.</summary>
    Jumped = 4,
}
