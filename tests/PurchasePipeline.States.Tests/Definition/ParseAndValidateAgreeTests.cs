using PurchasePipeline.States.Validation;

namespace PurchasePipeline.States.Tests.Definition;

/// <summary>
/// One rule set: the same fault gets the same words from <c>states validate</c> (<see cref="DefinitionValidator.Validate(string)"/>)
/// and from <c>states run</c>, the local plane and the engine tests (<see cref="StateMachine.Parse"/>).
/// </summary>
public sealed class ParseAndValidateAgreeTests
{
    public static TheoryData<string, string> BrokenDefinitions => StateMachineParseTests.BrokenDefinitions();

    [Theory]
    [MemberData(nameof(BrokenDefinitions))]
    public void Parse_BrokenDefinition_ThrowsTheLinesStatesValidatePrints(string definition, string path)
    {
        var validated = DefinitionValidator.Validate(definition).Where(p => p.Path == path).Select(p => p.ToString()).ToList();

        var parsed = Assert.Throws<DefinitionException>(() => StateMachine.Parse(definition)).Problems.Where(p => p.Path == path).Select(p => p.ToString()).ToList();

        Assert.NotEmpty(validated);
        Assert.Equal(validated, parsed);
    }
}
