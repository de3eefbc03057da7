using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PipelineStudio.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Executions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PipelineName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PipelineVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ParametersJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MaxParallelSteps = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceExecutionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SelectedStepsJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Executions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ModelPackageGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelPackageGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StepRuns",
                columns: table => new
                {
                    ExecutionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StepName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    PipelineName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StepType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AttemptCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", nullable: true),
                    CacheHitSourceExecutionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SelectiveSourceExecutionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PropertiesJson = table.Column<string>(type: "TEXT", nullable: true),
                    MetadataJson = table.Column<string>(type: "TEXT", nullable: true),
                    CacheKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StepRuns", x => new { x.ExecutionId, x.StepName });
                    table.ForeignKey(
                        name: "FK_StepRuns_Executions_ExecutionId",
                        column: x => x.ExecutionId,
                        principalTable: "Executions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelPackages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Arn = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ApprovalStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExecutionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StepName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    InferenceSpecificationJson = table.Column<string>(type: "TEXT", nullable: true),
                    ModelMetricsJson = table.Column<string>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelPackages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelPackages_ModelPackageGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "ModelPackageGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StepAttempts",
                columns: table => new
                {
                    ExecutionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StepName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", nullable: true),
                    FailureKind = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StepAttempts", x => new { x.ExecutionId, x.StepName, x.Attempt });
                    table.ForeignKey(
                        name: "FK_StepAttempts_StepRuns_ExecutionId_StepName",
                        columns: x => new { x.ExecutionId, x.StepName },
                        principalTable: "StepRuns",
                        principalColumns: new[] { "ExecutionId", "StepName" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelApprovalChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PackageId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelApprovalChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelApprovalChanges_ModelPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "ModelPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Executions_CreatedAt",
                table: "Executions",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Executions_PipelineName_CreatedAt",
                table: "Executions",
                columns: new[] { "PipelineName", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Executions_Status_CreatedAt",
                table: "Executions",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelApprovalChanges_PackageId_ChangedAt",
                table: "ModelApprovalChanges",
                columns: new[] { "PackageId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelPackageGroups_Name",
                table: "ModelPackageGroups",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelPackages_Arn",
                table: "ModelPackages",
                column: "Arn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelPackages_CreatedAt",
                table: "ModelPackages",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ModelPackages_GroupId_Version",
                table: "ModelPackages",
                columns: new[] { "GroupId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StepRuns_ExecutionId_Ordinal",
                table: "StepRuns",
                columns: new[] { "ExecutionId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_StepRuns_PipelineName_StepName_CacheKey_Status_EndedAt",
                table: "StepRuns",
                columns: new[] { "PipelineName", "StepName", "CacheKey", "Status", "EndedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModelApprovalChanges");

            migrationBuilder.DropTable(
                name: "StepAttempts");

            migrationBuilder.DropTable(
                name: "ModelPackages");

            migrationBuilder.DropTable(
                name: "StepRuns");

            migrationBuilder.DropTable(
                name: "ModelPackageGroups");

            migrationBuilder.DropTable(
                name: "Executions");
        }
    }
}
