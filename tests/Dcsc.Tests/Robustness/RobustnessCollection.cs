namespace Dcsc.Tests.Robustness;

/// <summary>
/// The robustness tests measure time and allocation and run heavy inputs; they run on their own, not in
/// parallel with other tests, so that neither their budgets nor other tests' timings are disturbed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RobustnessCollection
{
    public const string Name = "Robustness";
}
