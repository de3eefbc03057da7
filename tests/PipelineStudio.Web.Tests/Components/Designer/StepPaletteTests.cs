using Bunit;
using PipelineStudio.Core.Descriptors;
using PipelineStudio.Web.Components.Designer;

namespace PipelineStudio.Web.Tests.Components.Designer;

public sealed class StepPaletteTests : StudioComponentTestBase
{
    [Fact]
    public void Render_ListsEveryCatalogTypeGroupedByStage()
    {
        var palette = Render<StepPalette>();

        Assert.Equal(StepTypeCatalog.All.Count, palette.FindAll("[data-palette-type]").Count);
        Assert.Equal(Enum.GetValues<StepStage>().Length, palette.FindAll(".step-palette__group").Count);
        var training = palette.Find(".step-palette__group[data-stage='Training']");
        Assert.Contains("Hyperparameter tuning", training.TextContent);
    }

    [Fact]
    public void Search_KeepsMatchingTypesAndSaysWhenNothingMatches()
    {
        var palette = Render<StepPalette>();

        palette.Find("#palette-search").Input("bedrock");
        Assert.All(palette.FindAll("[data-palette-type]"), item => Assert.StartsWith("Bedrock", item.GetAttribute("data-palette-type")));
        Assert.Equal(4, palette.FindAll("[data-palette-type]").Count);

        palette.Find("#palette-search").Input("zzz");
        Assert.Empty(palette.FindAll("[data-palette-type]"));
        Assert.Contains("zzz", palette.Find("#palette-no-match").TextContent);
    }

    [Fact]
    public void DragStartAndDoubleClick_ReportTheType()
    {
        string? dragged = null;
        string? activated = null;
        var palette = Render<StepPalette>(p => p
            .Add(c => c.OnDragStart, (string t) => dragged = t)
            .Add(c => c.OnActivate, (string t) => activated = t));

        palette.Find("[data-palette-type='Condition']").DragStart();
        palette.Find("[data-palette-type='Fail']").DoubleClick();

        Assert.Equal(("Condition", "Fail"), (dragged, activated));
    }
}
