using System.Reflection;

namespace Dcsc.Tool;

/// <summary>What this build of dcsc follows: its own version, the PS3.2 template edition, the dictionary edition.</summary>
public static class ToolInfo
{
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The template the layout follows (src/Dcsc.Core/Layout/Data/README.md).</summary>
    public const string TemplateEdition = "DICOM PS3.2 Conformance Statement template (PS3.2 Annex N, 2025b)";
}
