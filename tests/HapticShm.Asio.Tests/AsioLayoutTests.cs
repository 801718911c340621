using HapticShm.Server.Backends.Asio;

namespace HapticShm.Asio.Tests;

/// <summary>asio.h layouts (packed to 4 bytes, 64-bit pointers, 32-bit "long").</summary>
public sealed unsafe class AsioLayoutTests
{
    [Fact]
    public void Structs_HaveAsioHeaderSizes()
    {
        Assert.Equal(8, sizeof(AsioInt64));
        Assert.Equal(52, sizeof(AsioChannelInfo));
        Assert.Equal(8 + 2 * IntPtr.Size, sizeof(AsioBufferInfo));
        Assert.Equal(4 * IntPtr.Size, sizeof(AsioCallbacks));
        Assert.Equal(48, sizeof(AsioTimeInfo));
        Assert.Equal(84, sizeof(AsioTimeCode));
        Assert.Equal(16 + 48 + 84, sizeof(AsioTime));
        Assert.Equal(164 + IntPtr.Size, sizeof(AsioDriverInfo));
    }

    [Fact]
    public void AsioTime_FieldsSitAtHeaderOffsets()
    {
        AsioTime time = default;
        byte* start = (byte*)&time;
        Assert.Equal(16, (byte*)&time.timeInfo - start);
        Assert.Equal(24, (byte*)&time.timeInfo.systemTime - start);
        Assert.Equal(32, (byte*)&time.timeInfo.samplePosition - start);
        Assert.Equal(40, (byte*)&time.timeInfo.sampleRate - start);
        Assert.Equal(48, (byte*)&time.timeInfo.flags - start);
        Assert.Equal(64, (byte*)&time.timeCode - start);
    }

    [Fact]
    public void ChannelAndBufferInfo_FieldsSitAtHeaderOffsets()
    {
        AsioChannelInfo channel = default;
        Assert.Equal(16, (byte*)&channel.type - (byte*)&channel);
        Assert.Equal(20, channel.name - (byte*)&channel);
        AsioBufferInfo buffer = default;
        Assert.Equal(8, (byte*)&buffer.buffer0 - (byte*)&buffer);
        AsioDriverInfo driver = default;
        Assert.Equal(40, driver.errorMessage - (byte*)&driver);
        Assert.Equal(164, (byte*)&driver.sysRef - (byte*)&driver);
    }

    [Fact]
    public void Vtable_FollowsIUnknownThenIasioOrder()
    {
        IAsioDriver.Vtbl v = default;
        byte* start = (byte*)&v;
        Assert.Equal(24 * IntPtr.Size, sizeof(IAsioDriver.Vtbl));
        Assert.Equal(3 * IntPtr.Size, (byte*)&v.init - start);
        Assert.Equal(7 * IntPtr.Size, (byte*)&v.start - start);
        Assert.Equal(17 * IntPtr.Size, (byte*)&v.getSamplePosition - start);
        Assert.Equal(19 * IntPtr.Size, (byte*)&v.createBuffers - start);
        Assert.Equal(23 * IntPtr.Size, (byte*)&v.outputReady - start);
    }

    [Fact]
    public void AsioInt64_HighWordComesFirst()
    {
        var value = AsioInt64.FromInt64(0x0000_0012_3456_789AL);
        Assert.Equal(0x12u, value.hi);
        Assert.Equal(0x3456_789Au, value.lo);
        Assert.Equal(0x0000_0012_3456_789AL, value.ToInt64());
    }
}
