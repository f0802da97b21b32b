using System.Reflection;

namespace Dcsc.Tool;

/// <summary>What this build of dcsc follows: its own version, the PS3.2 template edition, the dictionary edition.</summary>
public static class ToolInfo
{
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The template the layout follows (src/Dcsc.Core/Layout/Data/README.md).</summary>
    /// <summary>The version of the YAML source format (schema/dcsc.schema.json <c>x-dcsc-format-version</c>; docs/source-format.md).</summary>
    public const string SourceFormatVersion = "1.1";

    public const string TemplateEdition = "DICOM PS3.2 Conformance Statement template (PS3.2 Annex N, 2025b)";
}
