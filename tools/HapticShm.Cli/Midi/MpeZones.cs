namespace HapticShm.Cli.Midi;

/// <summary>
/// The MPE zone layout: a lower zone (master channel 1, members from channel 2 up) and an upper
/// zone (master channel 16, members from channel 15 down). Channels are 0-based here. Until an
/// MPE Configuration Message arrives, channel 1 is the master and channels 2..16 its members.
/// </summary>
public sealed class MpeZones
{
    public const int LowerMaster = 0;
    public const int UpperMaster = 15;
    private const int MaxMembers = 15;
    // Channels 2..15 can be shared between the zones; a new configuration shrinks the other zone.
    private const int SharedChannels = 14;

    /// <summary>Member channels of the lower zone (0 = no lower zone).</summary>
    public int LowerMemberCount { get; private set; } = MaxMembers;

    /// <summary>Member channels of the upper zone (0 = no upper zone).</summary>
    public int UpperMemberCount { get; private set; }

    /// <summary>True once an MPE Configuration Message set the layout.</summary>
    public bool IsConfigured { get; private set; }

    /// <summary>Applies an MPE Configuration Message (RPN 6) received on <paramref name="masterChannel"/>;
    /// returns false when that channel cannot be a master (only channels 1 and 16 can).</summary>
    public bool Configure(int masterChannel, int memberCount)
    {
        int count = Math.Clamp(memberCount, 0, MaxMembers);
        if (masterChannel == LowerMaster)
        {
            LowerMemberCount = count;
            if (UpperMemberCount > SharedChannels - count) UpperMemberCount = Math.Max(0, SharedChannels - count);
        }
        else if (masterChannel == UpperMaster)
        {
            UpperMemberCount = count;
            if (LowerMemberCount > SharedChannels - count) LowerMemberCount = Math.Max(0, SharedChannels - count);
        }
        else
        {
            return false;
        }
        IsConfigured = true;
        return true;
    }

    /// <summary>True for the master channel of an active zone.</summary>
    public bool IsMaster(int channel) =>
        (channel == LowerMaster && LowerMemberCount > 0) || (channel == UpperMaster && UpperMemberCount > 0);

    /// <summary>The master channel of the zone <paramref name="channel"/> is a member of, or -1.</summary>
    public int MasterOf(int channel)
    {
        if (channel >= 1 && channel <= LowerMemberCount) return LowerMaster;
        if (channel <= 14 && channel >= UpperMaster - UpperMemberCount) return UpperMaster;
        return -1;
    }

    /// <summary>True when <paramref name="channel"/> is a member channel of a zone.</summary>
    public bool IsMember(int channel) => MasterOf(channel) >= 0;

    /// <summary>First and last member channel of the zone mastered by <paramref name="master"/> (empty when last &lt; first).</summary>
    public (int First, int Last) MembersOf(int master) => master == LowerMaster
        ? (1, LowerMemberCount)
        : (UpperMaster - UpperMemberCount, UpperMaster - 1);
}
