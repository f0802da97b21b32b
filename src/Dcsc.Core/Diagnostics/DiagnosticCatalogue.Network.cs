namespace Dcsc.Diagnostics;

public static partial class DiagnosticCatalogue
{
    /// <summary>The category of the completeness warnings (issue 12 point 10): <c>completeness:</c> in dcsc.yaml sets them all.</summary>
    public const string CompletenessCategory = "completeness";

    // Network declarations (Rules/NetworkRules.cs): shared AE Titles, Transfer Syntax policies, "every Storage SOP Class",
    // and the completeness warnings: a fact the product has but the statement does not state is reported, never printed as N/A.
    private static readonly DiagnosticDescriptor[] Network =
    {
        new("DCS0308", Severity.Warning, "AEs sharing an AE Title make conflicting claims", "consistency"),
        new("DCS0316", Severity.Warning, "Transfer Syntax policy does not fit the role", "consistency"),
        new("DCS0317", Severity.Warning, "Exclusion names no Storage SOP Class of the dictionary edition", "consistency"),
        new("DCS0318", Severity.Warning, "Activity leaves a SOP Class without a Transfer Syntax", "consistency"),
        new("DCS0320", Severity.Warning, "Application Entity accepts associations but states no port", "completeness"),
        new("DCS0321", Severity.Warning, "No Specific Character Set is stated", "completeness"),
        new("DCS0322", Severity.Warning, "Real-World Activity has no SOP Class", "completeness"),
        new("DCS0323", Severity.Warning, "Fact answered \"not documented\"", "completeness"),
        new("DCS0324", Severity.Warning, "Application Entity with DIMSE roles states no AE Title", "completeness"),
    };
}
