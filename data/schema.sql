-- Reference schema for one year's goal tables and self-evaluation.
-- Needs the extension: CREATE EXTENSION indicator;

CREATE TABLE goal_project (
	project_code text PRIMARY KEY,			-- 项目编码 (20 or 21 digits: keep as text)
	name text NOT NULL,						-- 项目名称
	year integer NOT NULL,
	department text,						-- 主管部门
	implementer text,						-- 实施单位
	total_funds numeric,					-- 资金总额 (万元)
	fiscal_funds numeric,					-- 财政拨款数
	non_fiscal_funds numeric,				-- 非财政拨款数
	budget_execution_weight numeric,		-- 预算执行率权重 (分值, usually 10)
	annual_goal text						-- 年度目标
);

CREATE TABLE goal_indicator (
	project_code text NOT NULL REFERENCES goal_project,
	source_line integer NOT NULL,			-- line of the source table: the row's identity
	level1 text NOT NULL,					-- 一级指标
	level2 text NOT NULL,					-- 二级指标
	name text NOT NULL,						-- 三级指标
	spec indicator NOT NULL,				-- 指标性质, 指标方向, 目标值, 计量单位
	weight numeric NOT NULL CHECK (weight >= 0),	-- 分值
	note text,								-- 备注
	PRIMARY KEY (project_code, source_line)
);

CREATE TABLE actual_result (				-- 自评: 实际完成值
	project_code text NOT NULL,
	source_line integer NOT NULL,
	actual text,							-- as the form writes it: 96%, 5,200次, 达成, 2022年11月
	deviation_reason text,					-- 偏差原因分析及改进措施
	PRIMARY KEY (project_code, source_line),
	FOREIGN KEY (project_code, source_line) REFERENCES goal_indicator
);

CREATE TABLE budget_execution (				-- 预算执行情况 (万元)
	project_code text PRIMARY KEY REFERENCES goal_project,
	budget numeric NOT NULL,				-- 全年预算数
	spent numeric NOT NULL					-- 全年执行数
);
