package cn.canbao.hub.province;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Ethnicities in Qinghai's shares (Han about 53 %, Tibetan 24 %, Hui 15 %, Tu, Salar, Mongol; more Tibetans in the
 * south, Hui and Salar in the east, Tu in Huzhu, Mongols in Henan and Haixi) and plausible names for each: Han and
 * Hui names of surname and given name, transliterated Tibetan names without surname, Mongol names of parts joined
 * by {@code ·} — long enough that a 20-byte field must cut some.
 */
final class Names {

    static final String HAN = "01";
    static final String MONGOL = "02";
    static final String HUI = "03";
    static final String TIBETAN = "04";
    static final String TU = "30";
    static final String SALAR = "35";

    private static final List<String> HAN_SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
            "徐", "孙", "朱", "胡", "郭", "何", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "冯", "邓", "曹", "彭", "田",
            "董", "袁", "潘", "蒋", "蔡", "杜", "程", "苏", "魏", "吕", "丁", "任", "姚", "卢", "姜", "崔", "汪", "范", "石",
            "贾", "白", "孟", "秦", "薛", "闫", "段", "雷", "侯", "史", "贺", "毛", "郝", "祁", "铁", "上官", "欧阳");
    private static final List<String> HAN_MALE = List.of("建国", "国庆", "志强", "永福", "德明", "海军", "文华", "明",
            "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "鹏", "浩", "宇", "俊", "晨", "子轩", "一鸣", "振华",
            "海涛", "永录", "成林", "生荣", "占福", "得胜", "玉山");
    private static final List<String> HAN_FEMALE = List.of("秀英", "桂英", "秀兰", "玉兰", "桂兰", "海燕", "丽", "芳",
            "娜", "敏", "静", "丽娟", "艳", "婷", "雪", "琳", "欣怡", "梓萱", "雨涵", "佳怡", "晓燕", "春梅", "玉珍");
    /** 生僻字: outside GBK, four bytes in GB18030 (CJK extensions A and B). */
    private static final List<String> RARE_GIVEN = List.of("䶮", "𠀾", "子𠅤", "𪚥");
    private static final List<String> HUI_SURNAMES = List.of("马", "马", "马", "韩", "冶", "喇", "哈", "沙", "白", "穆",
            "米", "撒");
    private static final List<String> HUI_MALE = List.of("占海", "有福", "忠", "福祥", "哈三", "尕西木", "伊布拉", "建华",
            "永清", "成良", "尔萨", "努力");
    private static final List<String> HUI_FEMALE = List.of("秀英", "海燕", "金花", "玉梅", "阿依舍", "法图麦", "尕麦",
            "哈地麦", "兰英", "米娜");
    private static final List<String> TIBETAN_MALE = List.of("才让", "扎西", "多杰", "索南", "旦增", "尼玛", "达瓦", "次仁",
            "桑杰", "更登", "加措", "才旦", "东周", "吉太", "仁青", "更藏", "完德", "周加", "南加", "公保", "万玛", "尖措",
            "官却", "昂秀", "拉加", "久美");
    private static final List<String> TIBETAN_FEMALE = List.of("卓玛", "拉毛", "措吉", "拉吉", "卓嘎", "央金", "德吉",
            "切吉", "斗格", "才让", "吉毛", "扎西", "拉姆", "尼玛", "措毛", "央宗", "娘吉");
    private static final List<String> SALAR_MALE = List.of("阿卜杜", "热合曼", "伊斯哈格", "努海", "尕西木", "艾力",
            "伊斯玛", "苏来曼");
    private static final List<String> SALAR_FEMALE = List.of("尕麦", "阿依舍", "法图麦", "海力麦", "赛麦");
    private static final List<String> MONGOL_PARTS = List.of("巴特尔", "孟和", "巴图", "其木格", "乌日娜", "斯琴",
            "额尔敦", "巴雅尔图", "格日勒", "图雅", "苏和", "朝鲁", "那仁", "乌兰", "宝音", "达来", "吉日嘎拉", "阿拉坦");

    private Names() {
    }

    /** An ethnicity in the shares of the county (its 6-digit code). */
    static String ethnicity(String county, SplittableRandom random) {
        double u = random.nextDouble();
        String prefecture = county.substring(0, 4);
        if (county.equals("630225")) {
            return pick(u, new double[]{0.10, 0.35, 0.05}, HAN, HUI, TIBETAN, SALAR);
        }
        if (county.equals("630223")) {
            return pick(u, new double[]{0.55, 0.05, 0.12}, HAN, HUI, TIBETAN, TU);
        }
        if (county.equals("632324")) {
            return pick(u, new double[]{0.05, 0.02, 0.05}, HAN, HUI, TIBETAN, MONGOL);
        }
        return switch (prefecture) {
            case "6301" -> pick(u, new double[]{0.72, 0.17, 0.06, 0.03}, HAN, HUI, TIBETAN, TU, MONGOL);
            case "6302" -> pick(u, new double[]{0.52, 0.28, 0.10, 0.08}, HAN, HUI, TIBETAN, TU, SALAR);
            case "6322" -> pick(u, new double[]{0.38, 0.30, 0.24, 0.04}, HAN, HUI, TIBETAN, TU, MONGOL);
            case "6323", "6325" -> pick(u, new double[]{0.20, 0.08, 0.68}, HAN, HUI, TIBETAN, MONGOL);
            case "6326", "6327" -> pick(u, new double[]{0.05, 0.02}, HAN, HUI, TIBETAN);
            case "6328" -> pick(u, new double[]{0.62, 0.12, 0.12}, HAN, HUI, TIBETAN, MONGOL);
            default -> HAN;
        };
    }

    private static String pick(double u, double[] shares, String... codes) {
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (u < sum) {
                return codes[i];
            }
        }
        return codes[codes.length - 1];
    }

    static String name(String ethnicity, boolean female, SplittableRandom random) {
        return switch (ethnicity) {
            case TIBETAN -> tibetan(female, random);
            case HUI -> any(HUI_SURNAMES, random) + any(female ? HUI_FEMALE : HUI_MALE, random);
            case SALAR -> any(List.of("韩", "马", "冶", "沈"), random) + any(female ? SALAR_FEMALE : SALAR_MALE, random);
            case MONGOL -> mongol(random);
            case TU -> random.nextInt(4) == 0 ? tibetan(female, random)
                    : any(List.of("祁", "李", "鲁", "吕", "星", "朱", "董"), random)
                    + any(female ? HAN_FEMALE : HAN_MALE, random);
            default -> any(HAN_SURNAMES, random) + (random.nextInt(500) == 0 ? any(RARE_GIVEN, random)
                    : any(female ? HAN_FEMALE : HAN_MALE, random));
        };
    }

    private static String tibetan(boolean female, SplittableRandom random) {
        List<String> parts = female ? TIBETAN_FEMALE : TIBETAN_MALE;
        String first = any(TIBETAN_MALE, random);
        String second = any(parts, random);
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> second;
            case 3 -> first + "·" + second;
            case 4 -> first + second + any(parts, random);
            default -> first + second;
        };
    }

    private static String mongol(SplittableRandom random) {
        int parts = 1 + random.nextInt(3);
        StringBuilder name = new StringBuilder(any(MONGOL_PARTS, random));
        for (int i = 1; i < parts; i++) {
            name.append('·').append(any(MONGOL_PARTS, random));
        }
        return name.toString();
    }

    private static String any(List<String> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
