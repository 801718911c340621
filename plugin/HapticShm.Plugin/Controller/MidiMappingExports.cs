using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Controller;

/// <summary>IMidiMapping: channel aftertouch, pitch bend and CC74 of each of the 16 channels of
/// the event bus map to hidden parameters, which the host then sends sample-accurately.</summary>
internal static unsafe class MidiMappingExports
{
    public const short kCtrlFilterResonance = 74; // CC74, MPE timbre
    public const short kAfterTouch = 128;
    public const short kPitchBend = 129;

    public static readonly IMidiMappingVtbl* Vtbl = CreateVtbl();

    private static IMidiMappingVtbl* CreateVtbl()
    {
        var vtbl = (IMidiMappingVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IMidiMappingVtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->getMidiControllerAssignment = &GetMidiControllerAssignment;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetMidiControllerAssignment(void* self, int busIndex, short channel, short controller, uint* id)
    {
        if (id == null) return VstResult.kInvalidArgument;
        if (busIndex != 0 || (uint)channel >= ParameterIds.MidiChannels) return VstResult.kResultFalse;
        MidiControl? control = controller switch
        {
            kAfterTouch => MidiControl.Pressure,
            kPitchBend => MidiControl.PitchBend,
            kCtrlFilterResonance => MidiControl.Timbre,
            _ => null,
        };
        if (control is not MidiControl mapped) return VstResult.kResultFalse;
        *id = ParameterIds.Midi(channel, mapped);
        return VstResult.kResultTrue;
    }
}
