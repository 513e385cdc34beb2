using PurchasePipeline.Local.Dashboard;

namespace PurchasePipeline.Local.Tests.Dashboard;

public sealed class AxisTicksTests
{
    [Fact]
    public void Nice_Range_CoversItWithRoundSteps()
    {
        Assert.Equal([0, 250, 500, 750, 1000, 1250], AxisTicks.Nice(0, 1234, 5));
    }

    [Fact]
    public void Nice_NegativeLow_StartsBelowZero()
    {
        Assert.Equal([-50, 0, 50, 100, 150, 200, 250], AxisTicks.Nice(-20, 230, 5));
    }

    [Fact]
    public void Nice_EmptyRange_StillHasTwoTicks()
    {
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1], AxisTicks.Nice(0, 0, 5));
    }
}
