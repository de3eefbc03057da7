using Bunit;
using Microsoft.AspNetCore.Components;
using PipelineStudio.Web.Components.Layout;

namespace PipelineStudio.Web.Tests.Components;

public sealed class MainLayoutTests : StudioComponentTestBase
{
    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"page-body\">body</p>"))));

    [Fact]
    public void Render_Interactive_MarksTheRootAndShowsTheShell()
    {
        var cut = RenderLayout();

        Assert.Equal("true", cut.Find("#studio-root").GetAttribute("data-interactive"));
        Assert.Contains("PipelineStudio", cut.Find(".mud-appbar").TextContent, StringComparison.Ordinal);
        Assert.Equal("/pipelines", cut.Find("#nav-pipelines").GetAttribute("href"));
        Assert.NotNull(cut.Find("#page-body"));
    }

    [Fact]
    public void ClickThemeToggle_RemembersDarkModeInTheBrowser()
    {
        var cut = RenderLayout();

        cut.Find("#theme-toggle").Click();

        var stored = Assert.Single(JSInterop.Invocations, i => i.Identifier == "localStorage.setItem");
        Assert.Equal(["pipelinestudio.theme", "dark"], stored.Arguments);
    }

    [Fact]
    public void FirstRender_StoredDarkChoice_StartsDark()
    {
        JSInterop.Setup<string?>("localStorage.getItem", "pipelinestudio.theme").SetResult("dark");

        var cut = RenderLayout();

        cut.WaitForAssertion(() => Assert.Equal("Switch to light mode", cut.Find("#theme-toggle").GetAttribute("aria-label")));
    }
}
