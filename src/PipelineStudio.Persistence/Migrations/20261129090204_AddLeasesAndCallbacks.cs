using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PipelineStudio.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddLeasesAndCallbacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaseExpiresAt",
                table: "Executions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "Executions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Callbacks",
                columns: table => new
                {
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExecutionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StepName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: true),
                    OutputParametersJson = table.Column<string>(type: "TEXT", nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Callbacks", x => x.Token);
                    table.ForeignKey(
                        name: "FK_Callbacks_Executions_ExecutionId",
                        column: x => x.ExecutionId,
                        principalTable: "Executions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Executions_OwnerId",
                table: "Executions",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_ExecutionId_StepName_IssuedAt",
                table: "Callbacks",
                columns: new[] { "ExecutionId", "StepName", "IssuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Callbacks");

            migrationBuilder.DropIndex(
                name: "IX_Executions_OwnerId",
                table: "Executions");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAt",
                table: "Executions");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "Executions");
        }
    }
}
