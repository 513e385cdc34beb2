using System.Reflection;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.Functions.Tests.Support;

namespace PurchasePipeline.Functions.Tests;

public class FunctionCatalogTests
{
    private const BindingFlags EveryDeclaredMethod =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    [Fact]
    public void All_ListsTheEightTaskFunctionsInRunOrder()
    {
        Assert.Equal(
            ["StartCrawler", "GetCrawlerState", "StartEtlJob", "GetJobRun", "StartValidation", "GetValidationResult", "RefreshDataset", "GetRefreshStatus"],
            FunctionCatalog.All.Select(f => f.Name));
    }

    [Fact]
    public void Handler_StartCrawler_IsTheLambdaHandlerString()
    {
        Assert.Equal(
            "PurchasePipeline.Functions::PurchasePipeline.Functions.StartCrawlerFunction::HandleAsync",
            FunctionCatalog.Get("StartCrawler").Handler);
    }

    [Fact]
    public void ArnPlaceholder_StartCrawler_IsTheDefinitionSubstitutionKey()
    {
        Assert.Equal("StartCrawlerFunctionArn", FunctionCatalog.Get("StartCrawler").ArnPlaceholder);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void HandlerType_EveryFunction_IsNamedAfterItAndPublicSealed(string name)
    {
        var function = FunctionCatalog.Get(name);

        Assert.Equal(name + "Function", function.HandlerType.Name);
        Assert.True(function.HandlerType.IsPublic && function.HandlerType.IsSealed && !function.HandlerType.IsGenericType);
        Assert.Equal($"PurchasePipeline.Functions::{function.HandlerType.FullName}::HandleAsync", function.Handler);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void HandlerType_EveryFunction_HasOneHandleAsyncFromStreamToTaskOfStream(string name)
    {
        // As Lambda's .NET runtime looks it up (aws/aws-lambda-dotnet, Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/
        // UserCodeLoader.cs, FindCustomerMethodByName with Constants.DefaultFlags): the declared methods of the class, then
        // of each base class, the first that declares the name; overloads there (any visibility) are rejected, and so is
        // any second parameter but ILambdaContext. The constructed class must be neither generic nor abstract (UserCodeValidator.cs).
        var handlerType = FunctionCatalog.Get(name).HandlerType;
        var methods = DeclaredHandlerMethods(handlerType);

        var method = Assert.Single(methods);
        Assert.Equal([typeof(Stream)], method.GetParameters().Select(p => p.ParameterType));
        Assert.Equal(typeof(Task<Stream>), method.ReturnType);
        Assert.False(method.IsAbstract || method.IsGenericMethod || method.IsStatic);
        Assert.False(handlerType.IsAbstract || handlerType.IsGenericType);
        Assert.NotNull(handlerType.GetConstructor(Type.EmptyTypes));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Create_EveryFunction_BuildsItsHandlerTypeFromThePorts(string name)
    {
        var function = FunctionCatalog.Get(name);

        Assert.IsType(function.HandlerType, function.Create(new FunctionHarness().Ports));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task InvokeAsync_EveryFunctionGivenItsStatesParameters_WritesEveryResultFieldOfItsDto(string name)
    {
        var harness = new FunctionHarness();
        harness.EtlJob.SetRun("jr_3f1b2c8e9d0a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e", "RUNNING");
        harness.Dataset.SetIngestion("purchases-daily", "pp-jr_3f1b2c8e9d0a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e", "RUNNING");
        var function = FunctionCatalog.Get(name);

        var output = await FunctionHarness.InvokeAsync(function.Create(harness.Ports), name);

        Json.AssertFields(Json.PropertyNames(function.ResultType), output);
    }

    [Fact]
    public void ResultType_StartAndPollOfOneThing_ShareTheirResultDto()
    {
        Assert.Equal(typeof(CrawlerResult), FunctionCatalog.Get("GetCrawlerState").ResultType);
        Assert.Equal(FunctionCatalog.Get("StartEtlJob").ResultType, FunctionCatalog.Get("GetJobRun").ResultType);
        Assert.Equal(FunctionCatalog.Get("StartValidation").ResultType, FunctionCatalog.Get("GetValidationResult").ResultType);
        Assert.Equal(FunctionCatalog.Get("RefreshDataset").ResultType, FunctionCatalog.Get("GetRefreshStatus").ResultType);
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingTheKnownOnes()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => FunctionCatalog.Get("NotifyFailure"));

        Assert.Contains("StartCrawler", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindByResource_SnsIntegration_IsNotAFunction()
    {
        Assert.Null(FunctionCatalog.FindByResource("arn:aws:states:::sns:publish"));
        Assert.Equal("GetJobRun", FunctionCatalog.FindByResource("${GetJobRunFunctionArn}")?.Name);
    }

    private static List<MethodInfo> DeclaredHandlerMethods(Type type)
    {
        for (Type? declaring = type; declaring is not null; declaring = declaring.BaseType)
        {
            var methods = declaring.GetMethods(EveryDeclaredMethod).Where(m => m.Name == TaskFunctionInfo.HandlerMethod).ToList();
            if (methods.Count > 0)
            {
                return methods;
            }
        }

        return [];
    }

    public static TheoryData<string> Functions() => [.. FunctionCatalog.All.Select(f => f.Name)];
}
