using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Controller;

/// <summary>INoteExpressionController: the per-note expressions we act on, the same on every
/// channel of the event bus (volume, tuning, brightness, expression).</summary>
internal static unsafe class NoteExpressionExports
{
    private static readonly (uint TypeId, string Title, string Short, double Default, int Flags)[] Types =
    [
        (NoteExpressionTypeInfo.kVolumeTypeID, "Volume", "Vol", 0.25, NoteExpressionTypeInfo.kIsAbsolute),
        (NoteExpressionTypeInfo.kTuningTypeID, "Tuning", "Tun", 0.5, NoteExpressionTypeInfo.kIsBipolar),
        (NoteExpressionTypeInfo.kBrightnessTypeID, "Brightness", "Bri", 0.5, NoteExpressionTypeInfo.kIsAbsolute),
        (NoteExpressionTypeInfo.kExpressionTypeID, "Expression", "Exp", 1.0, NoteExpressionTypeInfo.kIsAbsolute),
    ];

    public static readonly INoteExpressionControllerVtbl* Vtbl = CreateVtbl();

    private static INoteExpressionControllerVtbl* CreateVtbl()
    {
        var vtbl = (INoteExpressionControllerVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(INoteExpressionControllerVtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->getNoteExpressionCount = &GetNoteExpressionCount;
        vtbl->getNoteExpressionInfo = &GetNoteExpressionInfo;
        vtbl->getNoteExpressionStringByValue = &GetNoteExpressionStringByValue;
        vtbl->getNoteExpressionValueByString = &GetNoteExpressionValueByString;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetNoteExpressionCount(void* self, int busIndex, short channel) =>
        busIndex == 0 && (uint)channel < 16 ? Types.Length : 0;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetNoteExpressionInfo(void* self, int busIndex, short channel, int index, NoteExpressionTypeInfo* info)
    {
        if (info == null || busIndex != 0 || (uint)index >= (uint)Types.Length) return VstResult.kInvalidArgument;
        try
        {
            var type = Types[index];
            *info = default;
            info->typeId = type.TypeId;
            FixedStrings.Utf16(type.Title, info->title, 128);
            FixedStrings.Utf16(type.Short, info->shortTitle, 128);
            info->unitId = -1;
            info->defaultValue = type.Default;
            info->minimum = 0;
            info->maximum = 1;
            info->flags = type.Flags;
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetNoteExpressionStringByValue(void* self, int busIndex, short channel, uint typeId, double value, char* text)
    {
        if (text == null) return VstResult.kInvalidArgument;
        try
        {
            string formatted = typeId == NoteExpressionTypeInfo.kTuningTypeID
                ? ((value - 0.5) * 240).ToString("0.00", CultureInfo.InvariantCulture) + " st"
                : value.ToString("0.000", CultureInfo.InvariantCulture);
            FixedStrings.Utf16(formatted, text, 128);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetNoteExpressionValueByString(void* self, int busIndex, short channel, uint typeId, char* text, double* value)
    {
        if (text == null || value == null) return VstResult.kInvalidArgument;
        try
        {
            string input = FixedStrings.ReadUtf16(text, 128).Replace("st", "", StringComparison.Ordinal).Trim();
            if (!double.TryParse(input, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)) return VstResult.kResultFalse;
            *value = typeId == NoteExpressionTypeInfo.kTuningTypeID ? Math.Clamp(parsed / 240 + 0.5, 0, 1) : Math.Clamp(parsed, 0, 1);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }
}
