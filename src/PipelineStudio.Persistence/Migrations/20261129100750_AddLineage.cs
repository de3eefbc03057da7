using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PipelineStudio.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddLineage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LineageAssociations",
                columns: table => new
                {
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    DestinationId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineageAssociations", x => new { x.SourceId, x.DestinationId, x.Type });
                });

            migrationBuilder.CreateTable(
                name: "LineageEntities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceUri = table.Column<string>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: true),
                    ExecutionId = table.Column<string>(type: "TEXT", nullable: true),
                    StepName = table.Column<string>(type: "TEXT", nullable: true),
                    PropertiesJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineageEntities", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LineageAssociations_DestinationId_SourceId_Type",
                table: "LineageAssociations",
                columns: new[] { "DestinationId", "SourceId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_LineageEntities_ContentHash",
                table: "LineageEntities",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_LineageEntities_ExecutionId",
                table: "LineageEntities",
                column: "ExecutionId");

            migrationBuilder.CreateIndex(
                name: "IX_LineageEntities_SourceUri",
                table: "LineageEntities",
                column: "SourceUri");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LineageAssociations");

            migrationBuilder.DropTable(
                name: "LineageEntities");
        }
    }
}
