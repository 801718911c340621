using System.Runtime.InteropServices;

namespace HapticShm.Jack;

/// <summary>An audio or MIDI port registered by a <see cref="JackClient"/>; valid while the client is open.</summary>
public readonly unsafe struct JackPort
{
    private readonly nint _handle;

    internal JackPort(nint handle) => _handle = handle;

    /// <summary>Full name, "client:port".</summary>
    public string Name => Marshal.PtrToStringUTF8(Interop.Jack.jack_port_name(_handle)) ?? "";

    /// <summary>The port's samples for this cycle. Real-time safe; call only from
    /// <see cref="IJackProcessHandler.Process"/> with the cycle's frame count.</summary>
    public float* GetBuffer(int frames) => Interop.Jack.jack_port_get_buffer(_handle, (uint)frames);

    /// <summary>A MIDI port's event buffer for this cycle (for jack_midi_* calls). Real-time safe.</summary>
    public void* GetMidiBuffer(int frames) => Interop.Jack.jack_port_get_buffer(_handle, (uint)frames);
}
