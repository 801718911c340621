using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Controller;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Clap;

/// <summary>
/// clap.params: the VST3's persistent parameters with the same ids, ranges (CLAP speaks plain
/// values: Min..Max of <see cref="PluginParameter"/>), steps and text. The 48 hidden MIDI
/// parameters of the VST3 are not listed: a CLAP host sends MIDI itself (note-ports), which the
/// core maps onto them. flush applies values outside processing; values inside a block arrive as
/// CLAP_EVENT_PARAM_VALUE in process. The editor's edits go back to the host as gesture and value
/// output events from process or, when the host is not processing, from flush.
/// </summary>
internal static unsafe class ClapParamsExports
{
    public static readonly ClapPluginParams* Params = Create();

    private static ClapPluginParams* Create()
    {
        var vtbl = (ClapPluginParams*)NativeMemory.AllocZeroed((nuint)sizeof(ClapPluginParams));
        vtbl->Count = &Count;
        vtbl->GetInfo = &GetInfo;
        vtbl->GetValue = &GetValue;
        vtbl->ValueToText = &ValueToText;
        vtbl->TextToValue = &TextToValue;
        vtbl->Flush = &Flush;
        return vtbl;
    }

    /// <summary>The flags of a parameter, as the VST3 controller reports them.</summary>
    public static uint FlagsOf(PluginParameter parameter) =>
        parameter.IsBypass ? ClapParamInfo.IsAutomatable | ClapParamInfo.IsBypass | ClapParamInfo.IsStepped
        : parameter.StepCount > 0 ? ClapParamInfo.IsAutomatable | ClapParamInfo.IsStepped | ClapParamInfo.IsEnum
        : ClapParamInfo.IsAutomatable;

    [UnmanagedCallersOnly]
    private static uint Count(ClapPlugin* plugin) => (uint)PluginParameters.PersistentCount;

    [UnmanagedCallersOnly]
    private static byte GetInfo(ClapPlugin* plugin, uint index, ClapParamInfo* info)
    {
        if (info == null || index >= (uint)PluginParameters.PersistentCount) return 0;
        try
        {
            PluginParameter parameter = PluginParameters.All[(int)index];
            *info = default;
            info->Id = parameter.Id;
            info->Flags = FlagsOf(parameter);
            FixedStrings.Utf8(parameter.Title, info->Name, ClapIds.NameSize);
            FixedStrings.Utf8("", info->Module, ClapIds.PathSize);
            info->MinValue = parameter.Min;
            info->MaxValue = parameter.Max;
            info->DefaultValue = parameter.DefaultPlain;
            return 1;
        }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static byte GetValue(ClapPlugin* plugin, uint id, double* value)
    {
        if (value == null || !TryGet(id, out PluginParameter? parameter)) return 0;
        try
        {
            *value = parameter.ToPlain(ClapInstance.From(plugin).Processor.GetNormalized(id));
            return 1;
        }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static byte ValueToText(ClapPlugin* plugin, uint id, double value, byte* display, uint size)
    {
        if (display == null || size == 0 || !TryGet(id, out PluginParameter? parameter) || !double.IsFinite(value)) return 0;
        try
        {
            FixedStrings.Utf8(ParameterText.Format(parameter, parameter.ToNormalized(value)), display, (int)Math.Min(size, 4096u));
            return 1;
        }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static byte TextToValue(ClapPlugin* plugin, uint id, byte* display, double* value)
    {
        if (display == null || value == null || !TryGet(id, out PluginParameter? parameter)) return 0;
        try
        {
            string text = Marshal.PtrToStringUTF8((nint)display) ?? "";
            if (!ParameterText.TryParse(parameter, text, out double normalized)) return 0;
            *value = parameter.ToPlain(normalized);
            return 1;
        }
        catch { return 0; }
    }

    /// <summary>[active ? audio-thread : main-thread], never during process: set the values now;
    /// the next block sends them.</summary>
    [UnmanagedCallersOnly]
    private static void Flush(ClapPlugin* plugin, ClapInputEvents* inEvents, ClapOutputEvents* outEvents)
    {
        try
        {
            ClapInstance instance = ClapInstance.From(plugin);
            if (inEvents != null) ClapEventReader.Read(instance.Processor, inEvents, inBlock: false);
            instance.Edits.DrainTo(outEvents);
        }
        catch { } // nothing to report through flush
    }

    /// <summary>The persistent (listed) parameter with this id; false for hidden MIDI ones and unknown ids.</summary>
    public static bool TryGet(uint id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PluginParameter? parameter)
    {
        int index = PluginParameters.IndexOf(id);
        parameter = (uint)index < (uint)PluginParameters.PersistentCount ? PluginParameters.All[index] : null;
        return parameter is not null;
    }
}
