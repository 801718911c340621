using System.Runtime.InteropServices;

namespace HapticShm.Server.Backends.Asio;

/// <summary>ASIOCallbacks: plain C (cdecl) functions the driver calls (no user pointer is passed,
/// which is why one process can drive only one ASIO driver).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public unsafe struct AsioCallbacks
{
    /// <summary>void bufferSwitch(long doubleBufferIndex, ASIOBool directProcess)</summary>
    public delegate* unmanaged[Cdecl]<int, int, void> bufferSwitch;

    /// <summary>void sampleRateDidChange(ASIOSampleRate sRate)</summary>
    public delegate* unmanaged[Cdecl]<double, void> sampleRateDidChange;

    /// <summary>long asioMessage(long selector, long value, void* message, double* opt)</summary>
    public delegate* unmanaged[Cdecl]<int, int, void*, double*, int> asioMessage;

    /// <summary>ASIOTime* bufferSwitchTimeInfo(ASIOTime* params, long doubleBufferIndex, ASIOBool directProcess)</summary>
    public delegate* unmanaged[Cdecl]<AsioTime*, int, int, AsioTime*> bufferSwitchTimeInfo;
}
