#include "app/synthetic_people.h"

#include "app/volunteer_validation.h"

namespace dd::app::synthetic {
namespace {

// Shandong province: prefecture-level cities and some of their districts.
const County kCounties[] = {
    {"济南市", "历下区", "370102"}, {"济南市", "市中区", "370103"}, {"济南市", "槐荫区", "370104"},
    {"济南市", "天桥区", "370105"}, {"济南市", "历城区", "370112"}, {"济南市", "长清区", "370113"},
    {"青岛市", "市南区", "370202"}, {"青岛市", "市北区", "370203"}, {"青岛市", "黄岛区", "370211"},
    {"青岛市", "崂山区", "370212"}, {"青岛市", "李沧区", "370213"}, {"青岛市", "城阳区", "370214"},
    {"淄博市", "淄川区", "370302"}, {"淄博市", "张店区", "370303"}, {"枣庄市", "市中区", "370402"},
    {"东营市", "东营区", "370502"}, {"烟台市", "芝罘区", "370602"}, {"烟台市", "福山区", "370611"},
    {"潍坊市", "潍城区", "370702"}, {"潍坊市", "奎文区", "370705"}, {"济宁市", "任城区", "370811"},
    {"济宁市", "曲阜市", "370881"}, {"泰安市", "泰山区", "370902"}, {"威海市", "环翠区", "371002"},
    {"日照市", "东港区", "371102"}, {"临沂市", "兰山区", "371302"}, {"临沂市", "罗庄区", "371311"},
    {"德州市", "德城区", "371402"}, {"聊城市", "东昌府区", "371502"}, {"滨州市", "滨城区", "371602"},
    {"菏泽市", "牡丹区", "371702"},
};

// Common surnames, roughly by frequency (the first ones repeat to weigh them).
const char* const kSurnames[] = {
    "王", "李", "张", "刘", "陈", "王", "李", "张", "刘", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
    "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈",
    "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白",
    "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾",
    "毛", "郝", "龚", "邵", "万", "钱", "严", "孔", "欧阳", "司马"};
const char* const kMaleChars[] = {"伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "斌", "鹏", "辉",
                                  "刚", "健", "浩", "宇", "俊", "峰", "建", "国", "志", "文", "博", "晨", "轩",
                                  "昊", "然", "凯", "鑫", "龙", "飞", "波", "海", "东", "亮", "平", "华", "成"};
const char* const kFemaleChars[] = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "慧",
                                    "颖", "琳", "欣", "怡", "萱", "梅", "兰", "红", "佳", "悦", "晶", "倩", "璐",
                                    "瑶", "雯", "洁", "秀", "英", "华", "妍", "诗", "涵", "琪", "月", "彤", "蕾"};
const char* const kMinorities[] = {"回族", "满族", "蒙古族", "朝鲜族", "壮族", "苗族", "土家族", "维吾尔族", "藏族"};
const char* const kMobilePrefixes[] = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
                                       "152", "153", "155", "156", "157", "158", "159", "166", "176", "177", "178",
                                       "180", "181", "182", "183", "185", "186", "187", "188", "189", "198", "199"};

}  // namespace

const County& randomCounty(dd::match::Random& random) { return pick(random, kCounties); }

QString randomName(dd::match::Random& random, model::Sex sex) {
  QString name = QString::fromUtf8(pick(random, kSurnames));
  const int length = random.uniform() < 0.75 ? 2 : 1;
  for (int i = 0; i < length; ++i)
    name += QString::fromUtf8(sex == model::Sex::Male ? pick(random, kMaleChars) : pick(random, kFemaleChars));
  return name;
}

QString randomMobile(dd::match::Random& random) {
  return QString::fromLatin1(pick(random, kMobilePrefixes)) +
         QStringLiteral("%1").arg(random.below(100000000u), 8, 10, QLatin1Char('0'));
}

QString randomEthnicity(dd::match::Random& random) {
  return random.uniform() < 0.92 ? QStringLiteral("汉族") : QString::fromUtf8(pick(random, kMinorities));
}

QString randomAbo(dd::match::Random& random) {
  const double u = random.uniform();  // Han Chinese: O 30%, A 28%, B 31%, AB 11%
  return u < 0.30 ? QStringLiteral("O") : u < 0.58 ? QStringLiteral("A") : u < 0.89 ? QStringLiteral("B")
                                                                                     : QStringLiteral("AB");
}

QString idNumber(const County& county, const QDate& birth, model::Sex sex, int sequence) {
  // Sequence digit 17 (index 16) is odd for men, even for women.
  const int value = sequence * 2 + (sex == model::Sex::Male ? 1 : 0);
  const QString first17 = QString::fromLatin1(county.code) + birth.toString(QStringLiteral("yyyyMMdd")) +
                          QStringLiteral("%1").arg(value, 3, 10, QLatin1Char('0'));
  return first17 + idCheckDigit(first17);
}

QDate randomDate(dd::match::Random& random, const QDate& from, const QDate& to) {
  const qint64 span = from.daysTo(to);
  return from.addDays(span <= 0 ? 0 : random.below(static_cast<std::uint32_t>(span + 1)));
}

}  // namespace dd::app::synthetic
