using System.Runtime.CompilerServices;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Functions.Tests.Support;

namespace PurchasePipeline.Functions.Tests;

public class ErrorNameTests
{
    [Fact]
    public void RetriedErrors_OursInTheAsl_AreExceptionClassNamesEqualToTheirErrorName()
    {
        // In AWS the error is the exception's type name (Lambda reports it); locally it is ErrorName. A Retry
        // matching one of our errors must see the same name on both planes.
        var ours = Asl.RetriedErrors()
            .Where(error => !error.StartsWith("Lambda.", StringComparison.Ordinal)
                && !error.StartsWith("States.", StringComparison.Ordinal)
                && !error.StartsWith("SNS.", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        var exceptions = typeof(PipelineException).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(PipelineException)) && !type.IsAbstract)
            .ToDictionary(type => type.Name, ErrorNameOf);

        Assert.NotEmpty(ours);
        Assert.All(ours, error =>
        {
            Assert.True(exceptions.TryGetValue(error, out var errorName), $"no PipelineException class is named {error}");
            Assert.Equal(error, errorName);
        });
    }

    private static string ErrorNameOf(Type type) =>
        ((PipelineException)RuntimeHelpers.GetUninitializedObject(type)).ErrorName;
}
