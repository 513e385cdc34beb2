namespace PurchasePipeline.Generator.Tests.Support;

/// <summary>Test data builders.</summary>
internal static class Some
{
    /// <summary>Small, fast options writing to <paramref name="output"/>.</summary>
    public static GenerateOptions Options(string output = "unused") => new()
    {
        Out = output,
        Files = 2,
        Rows = 300,
    };
}
