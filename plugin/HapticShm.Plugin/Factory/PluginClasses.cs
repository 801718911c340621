using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Factory;

/// <summary>What the factory reports: vendor, and our two classes. Bundle/moduleinfo.json says the same.</summary>
internal static class PluginClasses
{
    public const string Vendor = "HapticShm";
    public const string Url = "https://github.com/hapticshm/hapticshm";
    public const string Email = "";
    public const string Version = "1.0.0";
    public const string SdkVersion = "VST 3.7.12";
    public const string ProcessorName = "HapticShm";
    public const string ControllerName = "HapticShm Controller";
    public const string AudioModuleCategory = "Audio Module Class";
    public const string ControllerCategory = "Component Controller Class";
    public const string ProcessorSubCategories = "Instrument|Synth";

    public static int Count => 2;

    /// <summary>(cid, category, name, sub-categories) of class <paramref name="index"/>.</summary>
    public static (Tuid Cid, string Category, string Name, string SubCategories) Get(int index) => index == 0
        ? (ClassIds.Processor, AudioModuleCategory, ProcessorName, ProcessorSubCategories)
        : (ClassIds.Controller, ControllerCategory, ControllerName, "");
}
