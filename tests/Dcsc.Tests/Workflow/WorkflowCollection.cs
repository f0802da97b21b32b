namespace Dcsc.Tests.Workflow;

/// <summary>
/// The workflow tests compile whole example statements and run file watchers; they run on their own,
/// after the parallel tests, so that timing tests elsewhere (e.g. dictionary load time) are not disturbed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkflowCollection
{
    public const string Name = "Workflow (not parallel)";
}
