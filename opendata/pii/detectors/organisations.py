"""The words an organisation's name ends with (…有限公司, …经营部, …卫生院), shared by the cell
reading (:mod:`opendata.pii.cells`: a cell that is an organisation's name) and the detectors that
keep an organisation's own value in text (a landline in brackets after its name)."""

from __future__ import annotations

__all__ = ["ORGANISATION_WORDS"]

#: RE2/Python alternation (no groups of its own but the partnership's bracket): what an
#: organisation's name ends with.
ORGANISATION_WORDS = (r"有限责任公司|股份有限公司|有限公司|公司|合作社|经营部|门市部|"
                      r"厂|商行|工作室|事务所|研究所|医院|学校|协会|委员会|集团|超市|酒店|宾馆|饭店|银行|支行|分行|"
                      r"中心|个体工商户|"
                      # … and the trades a shop's or a society's name ends with (…面馆, …火锅店, …金行, …研究会)
                      r"研究会|商会|基金会|联合会|促进会|金行|银楼|面馆|餐馆|饭馆|菜馆|茶馆|酒馆|火锅店|小吃店|便利店|"
                      r"专卖店|商店|酒楼|茶楼|私房菜|麻辣烫|烧烤|药店|药房|诊所|门诊部|幼儿园|"
                      # … and public bodies and institutions (柯城区环卫所, 衢州市第二中学, …颐养院)
                      r"中学|小学|大学|学院|派出所|卫生所|环卫所|供电所|司法所|财政所|管理所|管理处|办事处|服务站|"
                      r"卫生院|卫生室|养老院|福利院|敬老院|颐养院|法院|检察院|政府|居委会|村委会|局|"
                      # … and a partnership, its kind in brackets after it (…合伙企业（有限合伙）)
                      r"企业[（(](?:有限|普通|特殊普通)合伙[）)]")
